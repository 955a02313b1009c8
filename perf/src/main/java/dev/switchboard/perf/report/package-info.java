/**
 * The benchmark report: {@code summary.json} (every figure), {@code index.html} (tables and latency percentile
 * charts as inline SVG, no external resources, works offline) and the console table.
 */
package dev.switchboard.perf.report;
