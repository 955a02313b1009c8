package dev.switchboard.core;

import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.catalog.AggregationOptions;
import java.time.Duration;
import java.util.List;

/**
 * What the core needs to run.
 *
 * @param backends      the backends, in configuration order
 * @param aggregation   how their catalogs are merged
 * @param retryInterval unused since backends have health checks ({@code BackendOptions.health().interval()});
 *                      kept so that existing callers compile
 * @param serverName    the name the gateway presents (to clients as {@code serverInfo}, to backends as
 *                      {@code clientInfo})
 * @param serverVersion the version it presents
 */
public record CoreOptions(List<BackendOptions> backends, AggregationOptions aggregation, Duration retryInterval,
                          String serverName, String serverVersion) {
  public static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofSeconds(5);
  public static final String DEFAULT_SERVER_NAME = "switchboard";

  public CoreOptions {
    backends = List.copyOf(backends);
    aggregation = aggregation == null ? AggregationOptions.defaults() : aggregation;
    retryInterval = retryInterval == null ? DEFAULT_RETRY_INTERVAL : retryInterval;
    serverName = serverName == null ? DEFAULT_SERVER_NAME : serverName;
    serverVersion = serverVersion == null ? Version.current() : serverVersion;
  }

  public CoreOptions(List<BackendOptions> backends, AggregationOptions aggregation) {
    this(backends, aggregation, null, null, null);
  }

  /** The longest backend timeout: callers waiting on core should wait a little longer than this. */
  public Duration longestBackendTimeout() {
    return backends.stream().map(BackendOptions::timeout).max(Duration::compareTo).orElse(BackendOptions.DEFAULT_TIMEOUT);
  }
}
