package dev.switchboard.it.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.it.GatewayHarness;
import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.it.TestBackends;
import dev.switchboard.launcher.Gateway;
import dev.switchboard.launcher.ops.MetricsSetup;
import dev.switchboard.launcher.ops.VertxMeters;
import dev.switchboard.transport.kit.RunningServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A gateway on a Vert.x built with metrics, in front of two real backends: after real calls, {@code /metrics} on
 * the MCP port carries the MCP metrics with their labels, Vert.x's and the JVM's, and passes {@code promtool}.
 */
class MetricsTest {
  private Vertx vertx;
  private PrometheusMeterRegistry registry;
  private Gateway gateway;
  private McpTestClient client;

  @BeforeEach
  void start() {
    registry = MetricsSetup.newRegistry();
    vertx = MetricsSetup.builder(Vertx.builder(), new VertxOptions(), registry, EnumSet.allOf(VertxMeters.class), true)
      .build();
    RunningServer alpha = TestBackends.start(vertx, TestBackends.named("alpha", 0, "echo")).await();
    RunningServer beta = TestBackends.start(vertx, TestBackends.named("beta", 0, "echo")).await();
    gateway = Gateway.start(vertx, GatewayHarness.config(List.of(GatewayHarness.backend("alpha", alpha),
      GatewayHarness.backend("beta", beta)), AggregationOptions.defaults()), registry).await();
    client = new McpTestClient(vertx, gateway.url());
    client.initialize().await();
    client.request("tools/list").await();
    client.callTool("alpha_echo", new JsonObject().put("text", "one")).await();
    client.callTool("alpha_echo", new JsonObject().put("text", "two")).await();
    client.callTool("no_such_tool", new JsonObject()).await();
  }

  @AfterEach
  void stop() {
    gateway.stop().await();
    vertx.close().await();
  }

  private String scrape() {
    OpsHttp.Reply reply = OpsHttp.get(vertx, gateway.port(), "/metrics").await();
    assertThat(reply.status()).isEqualTo(200);
    return reply.body();
  }

  @Test
  void toolCallsAreCountedByBackendExposedNameAndOutcome() {
    String text = scrape();
    assertThat(text).contains("mcp_tool_calls_total{backend=\"alpha\",outcome=\"ok\",tool=\"alpha_echo\"} 2.0");
    assertThat(text).contains("mcp_tool_calls_total{backend=\"other\",outcome=\"error\",tool=\"other\"} 1.0");
    assertThat(text).doesNotContain("no_such_tool");
  }

  @Test
  void requestsSessionsAndBackendsAreMeasured() {
    String text = scrape();
    assertThat(text).contains("mcp_requests_total{method=\"tools/call\",outcome=\"ok\"} 2.0");
    assertThat(text).contains("mcp_requests_total{method=\"tools/call\",outcome=\"error\"} 1.0");
    assertThat(text).contains("mcp_requests_total{method=\"initialize\",outcome=\"ok\"} 1.0");
    assertThat(text).contains("mcp_sessions_created_total 1.0");
    assertThat(text).contains("mcp_sessions_active 1.0");
    assertThat(text).contains("mcp_stateless_held_sessions 0.0").contains("mcp_stateless_calls 0.0")
      .contains("mcp_stateless_listen_streams 0.0");
    assertThat(text).contains("mcp_backend_up{backend=\"alpha\"} 1.0");
    assertThat(text).contains("mcp_backend_circuit_state{backend=\"beta\"} 0.0");
    assertThat(text).contains("mcp_backend_request_seconds_bucket{backend=\"alpha\",method=\"tools/call\",le=\"");
    assertThat(text).contains("mcp_backend_request_seconds_count{backend=\"alpha\",method=\"tools/call\"} 2");
  }

  @Test
  void vertxAndJvmMetricsAreThereWithoutPathRemoteOrAddressLabels() {
    client.openGet(null, event -> { }).await();
    String text = scrape();
    assertThat(text).contains("vertx_http_server_requests_total")
      .contains("vertx_http_client_requests_total{client_name=\"backend-alpha\"").contains("pool_type=\"http\"")
      .contains("vertx_eventbus_sent_total")
      .contains("jvm_memory_used_bytes");
    assertThat(text).doesNotContain("path=\"").doesNotContain("remote=\"").doesNotContain("address=\"")
      .doesNotContain("switchboard.session");
    assertThat(text).doesNotContain(client.sessionId());
  }

  @Test
  void scrapePassesPromtool() throws Exception {
    Promtool.Result result = Promtool.check(scrape());
    assertThat(result.exitCode()).as(result.output()).isZero();
  }
}
