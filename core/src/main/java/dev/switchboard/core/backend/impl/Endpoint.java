package dev.switchboard.core.backend.impl;

import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.Locale;

/**
 * Where a backend listens, read once from its URL: host, port, TLS and the request URI (path and query string).
 * User info in the URL is ignored and never reaches a message.
 *
 * @param host       the host name or IP literal (without IPv6 brackets)
 * @param port       the explicit port, or 80/443 by scheme
 * @param ssl        true for {@code https}
 * @param requestUri the raw path (or {@code /}) plus {@code ?query} when present
 */
record Endpoint(String host, int port, boolean ssl, String requestUri) {
  /** Bound on requests waiting for a pooled connection; beyond it requests fail fast. */
  static final int MAX_WAIT_QUEUE_SIZE = 1024;
  /** TCP connect timeout in milliseconds (the per-request timer still applies on top). */
  static final int CONNECT_TIMEOUT_MILLIS = 10_000;

  /**
   * Reads the endpoint from an {@code http} or {@code https} URL.
   *
   * @throws IllegalArgumentException naming the backend (not the URL, which may hold credentials) when the URL has
   *                                  another scheme or no host
   */
  static Endpoint of(String backend, URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("backend '" + backend + "': URL scheme must be http or https, not '"
        + FailureClassifier.snippet(scheme, 16) + "'");
    }
    String host = url.getHost();
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("backend '" + backend + "': URL has no host");
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    boolean ssl = scheme.equals("https");
    int port = url.getPort() > 0 ? url.getPort() : ssl ? 443 : 80;
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    String uri = url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    return new Endpoint(host, port, ssl, uri);
  }

  /** Keep-alive HTTP/1.1 client options, with TLS and SNI for {@code https}. */
  HttpClientOptions clientOptions(String backendName) {
    HttpClientOptions options = new HttpClientOptions()
      .setName("backend-" + backendName)
      .setMetricsName("backend-" + backendName)
      .setKeepAlive(true)
      .setConnectTimeout(CONNECT_TIMEOUT_MILLIS)
      .setDefaultHost(host)
      .setDefaultPort(port);
    if (ssl) {
      options.setSsl(true).setVerifyHost(true).setForceSni(!isIpLiteral(host));
    }
    return options;
  }

  /** A pool of at most {@code maxConnections} keep-alive connections and {@code maxWaiting} waiting requests. */
  static PoolOptions poolOptions(int maxConnections, int maxWaiting) {
    return new PoolOptions().setHttp1MaxSize(maxConnections).setMaxWaitQueueSize(maxWaiting);
  }

  /** Request options aimed at this endpoint, without headers. */
  RequestOptions request(HttpMethod method) {
    return new RequestOptions().setMethod(method).setHost(host).setPort(port).setSsl(ssl).setURI(requestUri)
      .setFollowRedirects(false);
  }

  private static boolean isIpLiteral(String host) {
    return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
  }
}
