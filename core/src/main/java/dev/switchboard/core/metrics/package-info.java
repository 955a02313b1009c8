/**
 * The gateway's own metrics (sessions, requests, tool calls, backend latency and health, reloads): the
 * {@link dev.switchboard.core.metrics.GatewayMetrics} interface the hot path records through, its label rules
 * ({@link dev.switchboard.core.metrics.MetricLabels}) and, in {@code impl}, a Micrometer and a no-op
 * implementation. Labels never carry a session id, a subject, a URI or an argument.
 */
package dev.switchboard.core.metrics;
