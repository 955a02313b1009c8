package dev.switchboard.core.backend;

import dev.switchboard.core.backend.impl.HttpBackendClient;
import io.vertx.core.Vertx;

/** Creates {@link BackendClient}s, so that other modules need not know the implementation. */
public final class BackendClients {
  private BackendClients() {
  }

  /**
   * A streamable-HTTP client for one backend, with its own keep-alive connection pool. Call
   * {@link BackendClient#shutdown()} when done.
   *
   * @throws IllegalArgumentException when the URL is not {@code http(s)} or a configured header is invalid
   */
  public static BackendClient create(Vertx vertx, BackendOptions options) {
    return new HttpBackendClient(vertx, options);
  }
}
