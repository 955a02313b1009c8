package dev.switchboard.core;

import dev.switchboard.core.auth.AuthorizationOptions;
import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.catalog.AggregationOptions;
import java.time.Duration;
import java.util.List;

/**
 * What the core needs to run.
 *
 * @param backends      the backends, in configuration order
 * @param aggregation   how their catalogs are merged
 * @param serverName    the name the gateway presents (to clients as {@code serverInfo}, to backends as
 *                      {@code clientInfo})
 * @param serverVersion the version it presents
 * @param maxConcurrentRequestsPerSession requests one client session may run at once
 * @param backendSharePerSession percent of a backend's connection pool one client session may use at once
 * @param authorization per-tool authorization ({@code auth.authorization})
 * @param poolPerLoop   true when a core serves calls on every event loop: each streamable-HTTP backend then gets one
 *                      connection pool per loop, its {@code maxConnections} split among them; read at start-up
 *                      only, like the session limits
 */
public record CoreOptions(List<BackendOptions> backends, AggregationOptions aggregation, String serverName,
                          String serverVersion, int maxConcurrentRequestsPerSession,
                          int backendSharePerSession, AuthorizationOptions authorization, boolean poolPerLoop) {
  public static final int DEFAULT_MAX_CONCURRENT_REQUESTS_PER_SESSION = 64;
  public static final int DEFAULT_BACKEND_SHARE_PER_SESSION = 50;
  public static final String DEFAULT_SERVER_NAME = "switchboard";

  public CoreOptions {
    backends = List.copyOf(backends);
    aggregation = aggregation == null ? AggregationOptions.defaults() : aggregation;
    serverName = serverName == null ? DEFAULT_SERVER_NAME : serverName;
    serverVersion = serverVersion == null ? Version.current() : serverVersion;
    maxConcurrentRequestsPerSession = maxConcurrentRequestsPerSession <= 0
      ? DEFAULT_MAX_CONCURRENT_REQUESTS_PER_SESSION : maxConcurrentRequestsPerSession;
    backendSharePerSession = backendSharePerSession <= 0 || backendSharePerSession > 100
      ? DEFAULT_BACKEND_SHARE_PER_SESSION : backendSharePerSession;
    authorization = authorization == null ? AuthorizationOptions.ALLOW_ALL : authorization;
  }

  public CoreOptions(List<BackendOptions> backends, AggregationOptions aggregation,
                     AuthorizationOptions authorization) {
    this(backends, aggregation, null, null, 0, 0, authorization, false);
  }

  public CoreOptions(List<BackendOptions> backends, AggregationOptions aggregation) {
    this(backends, aggregation, null, null, 0, 0, null, false);
  }

  /** These options with the per-session request limits. */
  public CoreOptions withSessionLimits(int maxConcurrentRequests, int sharePercent) {
    return new CoreOptions(backends, aggregation, serverName, serverVersion, maxConcurrentRequests, sharePercent,
      authorization, poolPerLoop);
  }

  /** These options with {@code poolPerLoop} set as given. */
  public CoreOptions withPoolPerLoop(boolean perLoop) {
    return new CoreOptions(backends, aggregation, serverName, serverVersion, maxConcurrentRequestsPerSession,
      backendSharePerSession, authorization, perLoop);
  }

  /** The longest backend timeout: callers waiting on core should wait a little longer than this. */
  public Duration longestBackendTimeout() {
    return backends.stream().map(BackendOptions::timeout).max(Duration::compareTo).orElse(BackendOptions.DEFAULT_TIMEOUT);
  }
}
