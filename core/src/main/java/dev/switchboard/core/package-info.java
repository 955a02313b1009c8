/**
 * The core: {@link dev.switchboard.core.CoreServices} (the backends and how their catalogs merge, shared by all
 * core verticles of a process) and {@link dev.switchboard.core.CoreVerticle}, which serves the event-bus contract of
 * {@code dev.switchboard.core.bus}. Implementation in {@code .impl}.
 */
package dev.switchboard.core;
