/**
 * Processes the benchmark drives from its main thread: the gateway as a separate JVM (from
 * {@code launcher/target/switchboard.jar}), nginx, and the JDK tools that read a JVM's own accounting
 * ({@code /proc/<pid>/stat} CPU time, {@code jcmd GC.heap_info}, {@code GC.class_histogram}, {@code JFR.start}).
 * Everything here blocks and is bounded by a timeout; none of it runs on an event loop.
 */
package dev.switchboard.perf.proc;
