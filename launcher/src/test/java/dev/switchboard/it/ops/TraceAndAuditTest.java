package dev.switchboard.it.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.audit.AuditOptions;
import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.it.GatewayHarness;
import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.it.TestBackends;
import dev.switchboard.launcher.Gateway;
import dev.switchboard.launcher.config.GatewayConfig;
import dev.switchboard.launcher.ops.MetricsSetup;
import dev.switchboard.launcher.ops.OperationsOptions;
import dev.switchboard.launcher.ops.VertxMeters;
import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway on a Vert.x built as the launcher builds it (tracer, metrics), with the audit log in a file, in front of
 * a backend seen through a recording proxy: the client's {@code traceparent} reaches the backend (same trace, new
 * span), the gateway starts a trace when there is none, and audit lines record calls, sessions and denials.
 */
class TraceAndAuditTest {
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String CLIENT_TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

  @TempDir
  Path dir;
  private Vertx vertx;
  private GateProxy proxy;
  private Gateway gateway;
  private McpTestClient client;
  private Path auditFile;

  @BeforeEach
  void start() {
    vertx = MetricsSetup.builder(Vertx.builder(), new VertxOptions(), MetricsSetup.newRegistry(),
      EnumSet.allOf(VertxMeters.class), true).build();
    RunningServer alpha = TestBackends.start(vertx, TestBackends.named("alpha", 0, "echo")).await();
    proxy = GateProxy.start(vertx, URI.create(alpha.url()).getPort()).await();
    auditFile = dir.resolve("audit.log");
    GatewayConfig base = GatewayHarness.config(List.of(GatewayHarness.backend("alpha", proxy.url(),
      Duration.ofSeconds(10))), AggregationOptions.defaults());
    GatewayConfig config = base.withOperations(
      new OperationsOptions(true, null, new AuditOptions(true, auditFile.toString(), false, 0)));
    gateway = Gateway.start(vertx, config).await();
    client = new McpTestClient(vertx, gateway.url());
    client.initialize().await();
  }

  @AfterEach
  void stop() {
    gateway.stop().await();
    proxy.close().await();
    vertx.close().await();
  }

  private McpTestClient.Answer call(String traceparent, String tool) {
    JsonObject params = new JsonObject().put("name", tool).put("arguments", new JsonObject().put("text", "secret"));
    McpTestClient.Exchange ex = client.request().body(client.message(client.nextId(), "tools/call", params));
    if (traceparent != null) {
      ex.header("traceparent", traceparent);
    }
    return client.exchange(ex).await();
  }

  private GateProxy.Seen backendCall() {
    return proxy.seen().stream().filter(s -> s.body().contains("\"tools/call\"")).reduce((a, b) -> b).orElseThrow();
  }

  private List<JsonObject> auditLines(int atLeast) throws Exception {
    for (int i = 0; i < 250; i++) {
      List<String> lines = Files.exists(auditFile) ? Files.readAllLines(auditFile) : List.of();
      if (lines.size() >= atLeast) {
        return lines.stream().map(JsonObject::new).toList();
      }
      vertx.timer(20).await();
    }
    throw new AssertionError("fewer than " + atLeast + " audit lines in " + auditFile);
  }

  @Test
  void clientTraceparentReachesTheBackendWithANewSpan() {
    call(CLIENT_TRACEPARENT, "alpha_echo");

    String sent = backendCall().traceparent();
    assertThat(sent).startsWith("00-" + TRACE_ID + "-").endsWith("-01").isNotEqualTo(CLIENT_TRACEPARENT);
  }

  @Test
  void withoutTraceparentTheGatewayStartsATrace() {
    call(null, "alpha_echo");

    assertThat(backendCall().traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01")
      .doesNotContain(TRACE_ID);
  }

  @Test
  void aToolCallIsAuditedWithItsTraceButNotItsArguments() throws Exception {
    call(CLIENT_TRACEPARENT, "alpha_echo");

    JsonObject line = auditLines(2).stream().filter(l -> "tools/call".equals(l.getString("method")))
      .findFirst().orElseThrow();
    assertThat(line.getString("name")).isEqualTo("alpha_echo");
    assertThat(line.getString("backend")).isEqualTo("alpha");
    assertThat(line.getString("outcome")).isEqualTo("ok");
    assertThat(line.getJsonObject("client").getString("name")).isEqualTo("test-client");
    assertThat(line.getString("traceparent")).startsWith("00-" + TRACE_ID + "-");
    assertThat(line.getString("session")).hasSize(12).isNotEqualTo(client.sessionId());
    assertThat(line.containsKey("durationMs")).isTrue();
    assertThat(line.encode()).doesNotContain("secret").doesNotContain(client.sessionId());
  }

  @Test
  void sessionOpenAndCloseAreAudited() throws Exception {
    client.delete().await();

    List<String> methods = auditLines(2).stream().map(l -> l.getString("method")).toList();
    assertThat(methods).containsSubsequence("session/open", "session/close");
  }

  @Test
  void aRequestOnAnUnknownSessionIsAuditedAsDenied() throws Exception {
    McpTestClient stranger = new McpTestClient(vertx, gateway.url()).sessionId("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    assertThat(stranger.request("tools/list").await().status()).isEqualTo(404);

    JsonObject denied = auditLines(2).stream().filter(l -> "denied".equals(l.getString("outcome"))).findFirst()
      .orElseThrow();
    assertThat(denied.getString("method")).isEqualTo("http/POST");
    assertThat(denied.getString("session")).hasSize(12);
  }
}
