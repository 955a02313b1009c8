package dev.switchboard.it.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.it.GatewayHarness;
import dev.switchboard.it.TestBackends;
import dev.switchboard.launcher.Gateway;
import dev.switchboard.launcher.config.GatewayConfig;
import dev.switchboard.launcher.ops.OperationsOptions;
import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With {@code management: {host, port}}, {@code /metrics} and {@code /health/*} move to that listener. */
@ExtendWith(VertxExtension.class)
class ManagementPortTest {

  @Test
  void metricsAndHealthAreServedOnTheManagementPortOnly(Vertx vertx) {
    RunningServer alpha = TestBackends.start(vertx, TestBackends.named("alpha", 0, "echo")).await();
    GatewayConfig base = GatewayHarness.config(List.of(GatewayHarness.backend("alpha", alpha)),
      AggregationOptions.defaults());
    Gateway gateway = Gateway.start(vertx, base.withOperations(
      new OperationsOptions(true, new OperationsOptions.ManagementOptions("127.0.0.1", 0), null))).await();
    try {
      int management = gateway.managementPort();
      assertThat(management).isPositive().isNotEqualTo(gateway.port());

      OpsHttp.Reply metrics = OpsHttp.get(vertx, management, "/metrics").await();
      assertThat(metrics.status()).isEqualTo(200);
      assertThat(metrics.body()).contains("mcp_backend_up{backend=\"alpha\"} 1.0");
      OpsHttp.Reply ready = OpsHttp.get(vertx, management, "/health/ready").await();
      assertThat(new JsonObject(ready.body()).getString("status")).isEqualTo("UP");
      assertThat(OpsHttp.get(vertx, management, "/mcp").await().status()).isEqualTo(404);
      assertThat(OpsHttp.get(vertx, gateway.port(), "/metrics").await().status()).isEqualTo(404);
      assertThat(OpsHttp.get(vertx, gateway.port(), "/health/ready").await().status()).isEqualTo(404);
      assertThat(OpsHttp.get(vertx, gateway.port(), "/health/live").await().status()).isEqualTo(404);
    } finally {
      gateway.stop().await();
    }
  }
}
