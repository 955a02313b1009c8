package dev.switchboard.launcher.config;

import dev.switchboard.core.auth.AuthorizationOptions;
import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.launcher.ops.OperationsOptions;
import dev.switchboard.session.SessionStoreOptions;
import dev.switchboard.transport.TransportOptions;
import dev.switchboard.transport.auth.IncomingAuthOptions;
import dev.switchboard.transport.limits.LimitsOptions;

import java.util.List;

/**
 * The whole gateway configuration, one options record per module. Built by {@link ConfigLoader}.
 *
 * @param server      the client-facing HTTP endpoint ({@code server:}), with the {@code limits:} section
 * @param backends    the backend MCP servers, in configuration order ({@code backends:})
 * @param aggregation how the backends' catalogs are merged ({@code aggregation:})
 * @param sessions    where sessions are kept ({@code sessions:})
 * @param incomingAuth how callers authenticate ({@code auth.incoming:})
 * @param authorization which tools, resources and prompts each caller may use ({@code auth.authorization:})
 * @param operations  metrics, management port, audit log, reload and tracing ({@code metrics:}, {@code management:},
 *                    {@code audit:}, {@code reload:}, {@code tracing:})
 */
public record GatewayConfig(TransportOptions server, List<BackendOptions> backends, AggregationOptions aggregation,
                            SessionStoreOptions sessions, IncomingAuthOptions incomingAuth,
                            AuthorizationOptions authorization, OperationsOptions operations) {
  public GatewayConfig {
    backends = List.copyOf(backends);
    incomingAuth = incomingAuth == null ? IncomingAuthOptions.none() : incomingAuth;
    authorization = authorization == null ? AuthorizationOptions.ALLOW_ALL : authorization;
    operations = operations == null ? OperationsOptions.defaults() : operations;
  }

  /** With authentication and authorization, default operations. */
  public GatewayConfig(TransportOptions server, List<BackendOptions> backends, AggregationOptions aggregation,
                       SessionStoreOptions sessions, IncomingAuthOptions incomingAuth,
                       AuthorizationOptions authorization) {
    this(server, backends, aggregation, sessions, incomingAuth, authorization, null);
  }

  /** With authentication, without per-tool authorization. */
  public GatewayConfig(TransportOptions server, List<BackendOptions> backends, AggregationOptions aggregation,
                       SessionStoreOptions sessions, IncomingAuthOptions incomingAuth) {
    this(server, backends, aggregation, sessions, incomingAuth, null, null);
  }

  /** Without authentication. */
  public GatewayConfig(TransportOptions server, List<BackendOptions> backends, AggregationOptions aggregation,
                       SessionStoreOptions sessions) {
    this(server, backends, aggregation, sessions, null, null, null);
  }

  /** This configuration with another {@code auth.incoming}. */
  public GatewayConfig withIncomingAuth(IncomingAuthOptions auth) {
    return new GatewayConfig(server, backends, aggregation, sessions, auth, authorization, operations);
  }

  /** This configuration with another {@code auth.authorization}. */
  public GatewayConfig withAuthorization(AuthorizationOptions policy) {
    return new GatewayConfig(server, backends, aggregation, sessions, incomingAuth, policy, operations);
  }

  /** This configuration with other operations options. */
  public GatewayConfig withOperations(OperationsOptions options) {
    return new GatewayConfig(server, backends, aggregation, sessions, incomingAuth, authorization, options);
  }

  /** The {@code limits:} section (carried by the server options, where most limits are enforced). */
  public LimitsOptions limits() {
    return server.limits();
  }
}
