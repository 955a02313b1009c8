package dev.switchboard.core.backend;

import dev.switchboard.core.backend.impl.HttpBackendClient;
import dev.switchboard.core.backend.pipe.SseBackendClient;
import dev.switchboard.core.backend.pipe.StdioBackendClient;
import io.vertx.core.Vertx;

/** Creates {@link BackendClient}s, so that other modules need not know the implementation. */
public final class BackendClients {
  private BackendClients() {
  }

  /**
   * A client for one backend, of the kind its options name: streamable HTTP (its own keep-alive connection pools),
   * legacy HTTP+SSE, or a stdio process the client starts. Call {@link BackendClient#shutdown()} when done.
   * With {@code poolPerLoop}, a streamable-HTTP backend gets one connection pool per event loop, its
   * {@code maxConnections} split among them, so that a call goes out on a connection of the loop that makes it: for a
   * gateway whose cores run on every loop.
   *
   * @throws IllegalArgumentException when the URL is not {@code http(s)} or a configured header is invalid
   */
  public static BackendClient create(Vertx vertx, BackendOptions options, boolean poolPerLoop) {
    return switch (options.transport()) {
      case STDIO -> new StdioBackendClient(vertx, options);
      case SSE -> new SseBackendClient(vertx, options);
      case STREAMABLE_HTTP -> new HttpBackendClient(vertx, options, poolPerLoop);
    };
  }
}
