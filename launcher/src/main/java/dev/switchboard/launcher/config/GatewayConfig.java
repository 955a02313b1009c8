package dev.switchboard.launcher.config;

import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.session.SessionStoreOptions;
import dev.switchboard.transport.TransportOptions;
import dev.switchboard.transport.limits.LimitsOptions;

import java.util.List;

/**
 * The whole gateway configuration, one options record per module. Built by {@link ConfigLoader}.
 *
 * @param server      the client-facing HTTP endpoint ({@code server:}), with the {@code limits:} section
 * @param backends    the backend MCP servers, in configuration order ({@code backends:})
 * @param aggregation how the backends' catalogs are merged ({@code aggregation:})
 * @param sessions    where sessions are kept ({@code sessions:})
 */
public record GatewayConfig(TransportOptions server, List<BackendOptions> backends, AggregationOptions aggregation,
                            SessionStoreOptions sessions) {
  public GatewayConfig {
    backends = List.copyOf(backends);
  }

  /** The {@code limits:} section (carried by the server options, where most limits are enforced). */
  public LimitsOptions limits() {
    return server.limits();
  }
}
