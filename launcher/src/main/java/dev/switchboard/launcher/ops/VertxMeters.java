package dev.switchboard.launcher.ops;

import io.vertx.micrometer.MetricsDomain;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The groups of Vert.x's own meters an operator can choose ({@code metrics.vertx}). Each costs CPU on every request
 * it sees; the MCP metrics are always recorded. Vert.x's other groups (raw TCP clients and servers, such as the Redis
 * connections) are always on.
 */
public enum VertxMeters {
  /** {@code vertx_http_server_*}: the MCP port's HTTP requests, whatever their outcome (401, 404, 429 too). */
  HTTP_SERVER("httpServer", MetricsDomain.HTTP_SERVER),
  /**
   * {@code vertx_http_client_*}, the backends' HTTP requests per backend, and each backend's connection pool
   * ({@code vertx_pool_*} with {@code pool_type="http"}, with {@link #POOLS}). {@code mcp_backend_request_seconds}
   * covers their latency.
   */
  HTTP_CLIENT("httpClient", MetricsDomain.HTTP_CLIENT),
  /** {@code vertx_pool_*}: the worker pools (and the backends' connection pools, with {@link #HTTP_CLIENT}). */
  POOLS("pools", MetricsDomain.NAMED_POOLS),
  /** {@code vertx_eventbus_*}: the gateway's internal bus between transport and core (no address label). */
  EVENT_BUS("eventBus", MetricsDomain.EVENT_BUS);

  /** What is recorded when {@code metrics.vertx} is left out. */
  public static final Set<VertxMeters> DEFAULTS = Set.of(HTTP_SERVER, POOLS);

  private final String configName;
  private final MetricsDomain domain;

  VertxMeters(String configName, MetricsDomain domain) {
    this.configName = configName;
    this.domain = domain;
  }

  public String configName() {
    return configName;
  }

  /** The group named {@code name} in the configuration. */
  public static Optional<VertxMeters> named(String name) {
    return Arrays.stream(values()).filter(m -> m.configName.equals(name)).findFirst();
  }

  /** Vert.x's metrics categories to turn off so that only {@code recorded} are. */
  static Set<String> disabledCategories(Set<VertxMeters> recorded) {
    EnumSet<VertxMeters> off = EnumSet.allOf(VertxMeters.class);
    off.removeAll(recorded);
    return off.stream().map(m -> m.domain.toCategory()).collect(Collectors.toSet());
  }
}
