/**
 * Profiling the gateway: a JFR recording ({@code jcmd JFR.start settings=profile}) taken while the gateway serves a
 * tools/call load, summarised from its {@code jdk.ExecutionSample} events (the same events {@code jfr print --events
 * jdk.ExecutionSample} shows) into top frames: self time by method, by package and by library, inclusive time by
 * method, and samples by thread.
 */
package dev.switchboard.perf.profile;
