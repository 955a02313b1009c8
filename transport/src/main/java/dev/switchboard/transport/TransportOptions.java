package dev.switchboard.transport;

import dev.switchboard.transport.limits.LimitsOptions;
import dev.switchboard.transport.stateless.StatelessOptions;
import java.time.Duration;
import java.util.List;

/**
 * The client-facing HTTP endpoint.
 *
 * @param host                the address to bind (loopback by default)
 * @param port                the port (0 picks a free one)
 * @param path                the MCP endpoint path
 * @param instances           transport verticles to deploy (0: one per event loop)
 * @param maxBodyBytes        largest request body accepted (413 above)
 * @param maxJsonDepth        deepest JSON nesting accepted in a body (400 above)
 * @param allowedHosts        extra {@code Host} names accepted besides loopback names ({@code *} accepts any)
 * @param allowedOrigins      extra {@code Origin}s accepted besides loopback origins ({@code *} accepts any)
 * @param registrationTimeout how long a request waits for its session's registration (phase 2)
 * @param limits              the bounds on what clients can make the gateway hold ({@code limits:})
 * @param stateless           what the gateway holds for stateless (MCP 2026-07-28) callers ({@code stateless:})
 */
public record TransportOptions(String host, int port, String path, int instances, long maxBodyBytes,
                               int maxJsonDepth, List<String> allowedHosts, List<String> allowedOrigins,
                               Duration registrationTimeout, LimitsOptions limits, StatelessOptions stateless) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_PATH = "/mcp";
  public static final long DEFAULT_MAX_BODY_BYTES = 4L * 1024 * 1024;
  public static final int DEFAULT_MAX_JSON_DEPTH = 64;
  public static final Duration DEFAULT_REGISTRATION_TIMEOUT = Duration.ofSeconds(60);

  public TransportOptions {
    host = host == null ? DEFAULT_HOST : host;
    path = path == null ? DEFAULT_PATH : path;
    instances = Math.max(instances, 0);
    maxBodyBytes = maxBodyBytes <= 0 ? DEFAULT_MAX_BODY_BYTES : maxBodyBytes;
    maxJsonDepth = maxJsonDepth <= 0 ? DEFAULT_MAX_JSON_DEPTH : maxJsonDepth;
    allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    registrationTimeout = registrationTimeout == null ? DEFAULT_REGISTRATION_TIMEOUT : registrationTimeout;
    limits = limits == null ? LimitsOptions.defaults() : limits;
    stateless = stateless == null ? StatelessOptions.defaults() : stateless;
  }

  /** Options with the default stateless-era settings. */
  public TransportOptions(String host, int port, String path, int instances, long maxBodyBytes, int maxJsonDepth,
                          List<String> allowedHosts, List<String> allowedOrigins, Duration registrationTimeout,
                          LimitsOptions limits) {
    this(host, port, path, instances, maxBodyBytes, maxJsonDepth, allowedHosts, allowedOrigins, registrationTimeout,
      limits, null);
  }

  /** Options with the default limits. */
  public TransportOptions(String host, int port, String path, int instances, long maxBodyBytes, int maxJsonDepth,
                          List<String> allowedHosts, List<String> allowedOrigins, Duration registrationTimeout) {
    this(host, port, path, instances, maxBodyBytes, maxJsonDepth, allowedHosts, allowedOrigins, registrationTimeout,
      null);
  }

  public static TransportOptions defaults() {
    return new TransportOptions(null, DEFAULT_PORT, null, 0, 0, 0, null, null, null);
  }

  public TransportOptions withPort(int newPort) {
    return new TransportOptions(host, newPort, path, instances, maxBodyBytes, maxJsonDepth, allowedHosts,
      allowedOrigins, registrationTimeout, limits, stateless);
  }

  public TransportOptions withLimits(LimitsOptions newLimits) {
    return new TransportOptions(host, port, path, instances, maxBodyBytes, maxJsonDepth, allowedHosts,
      allowedOrigins, registrationTimeout, newLimits, stateless);
  }

  public TransportOptions withStateless(StatelessOptions newStateless) {
    return new TransportOptions(host, port, path, instances, maxBodyBytes, maxJsonDepth, allowedHosts,
      allowedOrigins, registrationTimeout, limits, newStateless);
  }
}
