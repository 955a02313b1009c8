package dev.switchboard.it.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.it.GatewayHarness;
import dev.switchboard.it.TestBackends;
import dev.switchboard.launcher.Gateway;
import dev.switchboard.launcher.ops.MetricsSetup;
import dev.switchboard.launcher.ops.VertxMeters;
import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.transport.kit.RunningServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code metrics.vertx}: only the chosen groups of Vert.x's meters are recorded, after real calls through a gateway
 * (every group is covered by {@link MetricsTest}).
 */
class VertxMetersTest {
  private Vertx vertx;
  private Gateway gateway;

  private String scrapeAfterACall(Set<VertxMeters> meters) {
    PrometheusMeterRegistry registry = MetricsSetup.newRegistry();
    vertx = MetricsSetup.builder(Vertx.builder(), new VertxOptions(), registry, meters, true).build();
    RunningServer alpha = TestBackends.start(vertx, TestBackends.named("alpha", 0, "echo")).await();
    gateway = Gateway.start(vertx, GatewayHarness.config(List.of(GatewayHarness.backend("alpha", alpha)),
      AggregationOptions.defaults()), registry).await();
    McpTestClient client = new McpTestClient(vertx, gateway.url());
    client.initialize().await();
    client.callTool("alpha_echo", new JsonObject().put("text", "one")).await();
    OpsHttp.Reply reply = OpsHttp.get(vertx, gateway.port(), "/metrics").await();
    assertThat(reply.status()).isEqualTo(200);
    return reply.body();
  }

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.stop().await();
    }
    if (vertx != null) {
      vertx.close().await();
    }
  }

  @Test
  void byDefaultTheHttpServerAndPoolsAreRecordedAndTheClientAndBusAreNot() {
    String text = scrapeAfterACall(VertxMeters.DEFAULTS);

    assertThat(text).contains("vertx_http_server_requests_total").contains("pool_type=\"worker\"")
      .contains("mcp_backend_request_seconds_count{backend=\"alpha\",method=\"tools/call\"} 1");
    assertThat(text).as("the backends' connection pools come with httpClient").doesNotContain("pool_type=\"http\"")
      .doesNotContain("vertx_http_client_").doesNotContain("vertx_eventbus_");
  }

  @Test
  void noGroupLeavesTheMcpAndJvmMetrics() {
    String text = scrapeAfterACall(Set.of());

    assertThat(text).doesNotContain("vertx_http_").doesNotContain("vertx_pool_").doesNotContain("vertx_eventbus_");
    assertThat(text).contains("mcp_tool_calls_total{backend=\"alpha\",outcome=\"ok\",tool=\"alpha_echo\"} 1.0")
      .contains("jvm_memory_used_bytes");
  }
}
