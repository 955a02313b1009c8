package dev.switchboard.transport.kit;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** Starts {@link TestServers#builder()} (as adjusted by {@link #configure}) on a free port, with a test client. */
@ExtendWith(VertxExtension.class)
abstract class McpServerTestBase {
  protected Vertx vertx;
  protected RunningServer server;
  protected KitClient client;

  @BeforeEach
  void startServer(Vertx vertx) throws Exception {
    this.vertx = vertx;
    server = configure(TestServers.builder()).build().listen(vertx, "127.0.0.1", 0, "/mcp")
      .await(10, TimeUnit.SECONDS);
    client = new KitClient(vertx, server);
  }

  @AfterEach
  void stopServer() throws Exception {
    server.close().await(10, TimeUnit.SECONDS);
  }

  protected McpServerBuilder configure(McpServerBuilder builder) {
    return builder;
  }
}
