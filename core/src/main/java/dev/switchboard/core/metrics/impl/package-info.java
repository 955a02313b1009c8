/** Implementations of {@link dev.switchboard.core.metrics.GatewayMetrics}: Micrometer and no-op. */
package dev.switchboard.core.metrics.impl;
