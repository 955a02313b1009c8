package dev.switchboard.core.backend;

import dev.switchboard.core.auth.BackendAuthOptions;
import dev.switchboard.core.backend.stdio.StdioOptions;
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
 * @param url            the backend's streamable-HTTP MCP endpoint, or its SSE URL ({@link BackendTransport#SSE})
 *                       ({@code http} or {@code https}); null for a stdio backend
 * @param timeout        hard limit for one request to this backend, from send to final response
 * @param headers        extra headers sent on every request (outgoing credentials); never logged
 * @param maxConnections size of this backend's keep-alive connection pool
 * @param transport      how the gateway talks to the backend: {@code url} backends speak streamable HTTP or legacy
 *                       HTTP+SSE; a {@code command} backend is {@link BackendTransport#STDIO}
 * @param stdio          the process to start for a {@link BackendTransport#STDIO} backend, else null
 * @param auth           the credentials this backend receives ({@code backends[].auth}); never the client's token
 * @param health         its active probe
 * @param circuitBreaker its circuit breaker, fed by live calls
 */
public record BackendOptions(String name, URI url, Duration timeout, Map<String, String> headers, int maxConnections,
                             BackendTransport transport, StdioOptions stdio, BackendAuthOptions auth,
                             HealthOptions health, BreakerOptions circuitBreaker) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_MAX_CONNECTIONS = 64;

  public BackendOptions {
    Objects.requireNonNull(name, "name");
    transport = stdio != null ? BackendTransport.STDIO
      : transport == null ? BackendTransport.STREAMABLE_HTTP : transport;
    if (transport == BackendTransport.STDIO ? stdio == null || url != null : url == null) {
      throw new IllegalArgumentException("backend '" + name + "': exactly one of url and command");
    }
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    maxConnections = maxConnections <= 0 ? DEFAULT_MAX_CONNECTIONS : maxConnections;
    auth = auth == null ? BackendAuthOptions.NONE : auth;
    health = health == null ? HealthOptions.defaults() : health;
    circuitBreaker = circuitBreaker == null ? BreakerOptions.defaults() : circuitBreaker;
  }

  /** A backend with the default probe and circuit breaker. */
  public BackendOptions(String name, URI url, Duration timeout, Map<String, String> headers, int maxConnections,
                        BackendTransport transport, StdioOptions stdio, BackendAuthOptions auth) {
    this(name, url, timeout, headers, maxConnections, transport, stdio, auth, null, null);
  }

  /** A streamable-HTTP backend with no credentials of its own but its headers. */
  public BackendOptions(String name, URI url, Duration timeout, Map<String, String> headers, int maxConnections) {
    this(name, url, timeout, headers, maxConnections, BackendTransport.STREAMABLE_HTTP, null, null);
  }

  /** A streamable-HTTP backend with outgoing credentials. */
  public BackendOptions(String name, URI url, Duration timeout, Map<String, String> headers, int maxConnections,
                        BackendAuthOptions auth) {
    this(name, url, timeout, headers, maxConnections, BackendTransport.STREAMABLE_HTTP, null, auth);
  }

  /** A backend of the given transport, with no credentials of its own but its headers. */
  public BackendOptions(String name, URI url, Duration timeout, Map<String, String> headers, int maxConnections,
                        BackendTransport transport, StdioOptions stdio) {
    this(name, url, timeout, headers, maxConnections, transport, stdio, null);
  }

  /** A stdio backend: the gateway starts the process. */
  public static BackendOptions stdio(String name, Duration timeout, StdioOptions stdio) {
    return new BackendOptions(name, null, timeout, Map.of(), DEFAULT_MAX_CONNECTIONS, BackendTransport.STDIO,
      Objects.requireNonNull(stdio, "stdio"), null);
  }

  /** These options with another probe and circuit breaker. */
  public BackendOptions withHealth(HealthOptions health, BreakerOptions circuitBreaker) {
    return new BackendOptions(name, url, timeout, headers, maxConnections, transport, stdio, auth, health,
      circuitBreaker);
  }

  public BackendOptions(String name, URI url) {
    this(name, url, DEFAULT_TIMEOUT, Map.of(), DEFAULT_MAX_CONNECTIONS);
  }
}
