package dev.switchboard.it;

import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.launcher.Gateway;
import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A gateway in front of two real backends, {@code alpha} (tools echo, add) and {@code beta} (tools echo, slow),
 * with default (prefix) naming, and a raw client. Tests run on the JUnit thread and await futures.
 */
@ExtendWith(VertxExtension.class)
public abstract class GatewayTestBase {
  protected Vertx vertx;
  protected RunningServer alpha;
  protected RunningServer beta;
  protected Gateway gateway;
  protected McpTestClient client;

  @BeforeEach
  void startGateway(Vertx vertx) {
    this.vertx = vertx;
    alpha = TestBackends.start(vertx, TestBackends.named("alpha", 0, "echo", "add")).await();
    beta = TestBackends.start(vertx, TestBackends.named("beta", 200, "echo", "slow")).await();
    gateway = GatewayHarness.start(vertx, List.of(GatewayHarness.backend("alpha", alpha),
      GatewayHarness.backend("beta", beta)), AggregationOptions.defaults()).await();
    client = newClient();
  }

  @AfterEach
  void stopGateway() {
    gateway.stop().await();
  }

  protected McpTestClient newClient() {
    return new McpTestClient(vertx, gateway.url());
  }
}
