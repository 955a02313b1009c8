/**
 * Profiling the gateway: a JFR recording ({@code jcmd JFR.start settings=profile}) taken while the gateway serves a
 * tools/call load, summarised from its CPU samples into top frames: self time by method, by package and by library,
 * inclusive time by method, and samples by thread. The samples are {@code jdk.CPUTimeSample} events where the JVM
 * records them (JDK 25+, Linux), which count the time threads spend in system calls, else {@code jdk.ExecutionSample}
 * events (Java code only); {@code jfr print --events} shows the same events.
 */
package dev.switchboard.perf.profile;
