package dev.switchboard.core.backend;

import dev.switchboard.core.health.BreakerOptions;
import dev.switchboard.core.health.HealthOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One backend MCP server as configured.
 *
 * @param name           unique backend name, used in prefixes, routes and error messages
 * @param url            the backend's streamable-HTTP MCP endpoint ({@code http} or {@code https})
 * @param timeout        hard limit for one request to this backend, from send to final response
 * @param headers        extra headers sent on every request (outgoing credentials); never logged
 * @param maxConnections size of this backend's keep-alive connection pool
 * @param health         its active probe
 * @param circuitBreaker its circuit breaker, fed by live calls
 */
public record BackendOptions(String name, URI url, Duration timeout, Map<String, String> headers, int maxConnections,
                             HealthOptions health, BreakerOptions circuitBreaker) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_MAX_CONNECTIONS = 64;

  public BackendOptions {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    maxConnections = maxConnections <= 0 ? DEFAULT_MAX_CONNECTIONS : maxConnections;
    health = health == null ? HealthOptions.defaults() : health;
    circuitBreaker = circuitBreaker == null ? BreakerOptions.defaults() : circuitBreaker;
  }

  public BackendOptions(String name, URI url, Duration timeout, Map<String, String> headers, int maxConnections) {
    this(name, url, timeout, headers, maxConnections, null, null);
  }

  public BackendOptions(String name, URI url) {
    this(name, url, DEFAULT_TIMEOUT, Map.of(), DEFAULT_MAX_CONNECTIONS);
  }
}
