/** Wiring only: the main class, configuration loading and validation, demo mode, deployment of the verticles. */
package dev.switchboard.launcher;
