/**
 * The operator's side of the gateway: Prometheus metrics (Vert.x, JVM and the MCP metrics of
 * {@code dev.switchboard.core.metrics}), {@code /metrics} and {@code /health/ready} on the MCP port or on a separate
 * management listener, and their options.
 */
package dev.switchboard.launcher.ops;
