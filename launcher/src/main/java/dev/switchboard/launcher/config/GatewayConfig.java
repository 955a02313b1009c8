package dev.switchboard.launcher.config;

import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.launcher.ops.OperationsOptions;
import dev.switchboard.session.SessionStoreOptions;
import dev.switchboard.transport.TransportOptions;

import java.util.List;

/**
 * The whole gateway configuration, one options record per module. Built by {@link ConfigLoader}.
 *
 * @param server      the client-facing HTTP endpoint ({@code server:})
 * @param backends    the backend MCP servers, in configuration order ({@code backends:})
 * @param aggregation how the backends' catalogs are merged ({@code aggregation:})
 * @param sessions    where sessions are kept ({@code sessions:})
 * @param operations  metrics, management port and audit log ({@code metrics:}, {@code management:}, {@code audit:})
 */
public record GatewayConfig(TransportOptions server, List<BackendOptions> backends, AggregationOptions aggregation,
                            SessionStoreOptions sessions, OperationsOptions operations) {
  public GatewayConfig {
    backends = List.copyOf(backends);
    operations = operations == null ? OperationsOptions.defaults() : operations;
  }

  public GatewayConfig(TransportOptions server, List<BackendOptions> backends, AggregationOptions aggregation,
                       SessionStoreOptions sessions) {
    this(server, backends, aggregation, sessions, null);
  }
}
