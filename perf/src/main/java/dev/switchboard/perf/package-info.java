/**
 * Switchboard's perf tool: {@link dev.switchboard.perf.PerfMain} is the entry point of
 * {@code perf/target/switchboard-perf.jar}. Sub-packages: {@code load} (load generator), {@code stub} (stub backend),
 * {@code proc} (gateway and nginx processes, JVM probes), {@code bench} (benchmark and scenarios), {@code profile}
 * (JFR summary), {@code report} (JSON, HTML, console), {@code cli} (command line).
 */
package dev.switchboard.perf;
