/** The health state machine, the guarded backend client and the active probe. */
package dev.switchboard.core.health.impl;
