package dev.switchboard.it.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.core.health.BreakerOptions;
import dev.switchboard.core.health.HealthOptions;
import dev.switchboard.it.GatewayHarness;
import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.testkit.McpTestClient.Answer;
import dev.switchboard.testkit.StreamEvent;
import dev.switchboard.it.TestBackends;
import dev.switchboard.launcher.Gateway;
import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Backend health end to end: {@code beta} is killed and restarted on its port under a running gateway whose probe
 * runs every 200 ms; clients on a GET stream see it leave and come back, calls fail fast meanwhile, and
 * {@code /health/ready} reports each backend.
 */
@ExtendWith(VertxExtension.class)
class BackendHealthTest {
  private static final String LIST_CHANGED = "notifications/tools/list_changed";

  private Vertx vertx;
  private RunningServer alpha;
  private RunningServer beta;
  private int betaPort;
  private Gateway gateway;

  static BackendOptions fastProbed(String name, String url, Duration deadline) {
    return new BackendOptions(name, URI.create(url), Duration.ofSeconds(5), Map.of(), 16)
      .withHealth(new HealthOptions(Duration.ofMillis(200), Duration.ofMillis(500), 1, 1, deadline),
        new BreakerOptions(1, Duration.ofMillis(300)));
  }

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    alpha = TestBackends.start(vertx, TestBackends.named("alpha", 0, "echo")).await();
    beta = TestBackends.start(vertx, TestBackends.named("beta", 0, "echo")).await();
    betaPort = URI.create(beta.url()).getPort();
    gateway = GatewayHarness.start(vertx, List.of(fastProbed("alpha", alpha.url(), Duration.ofSeconds(2)),
      fastProbed("beta", beta.url(), Duration.ofSeconds(2))), AggregationOptions.defaults()).await();
  }

  @AfterEach
  void stop() {
    gateway.stop().await();
  }

  private void waitFor(BooleanSupplier condition, String what) {
    for (int i = 0; i < 250 && !condition.getAsBoolean(); i++) {
      vertx.timer(20).await();
    }
    assertThat(condition.getAsBoolean()).as(what).isTrue();
  }

  private void restartBeta() {
    beta = TestBackends.named("beta", 0, "echo").build().listen(vertx, "127.0.0.1", betaPort, "/mcp").await();
  }

  private static List<String> tools(McpTestClient client) {
    return client.request("tools/list").await().result().getJsonArray("tools").stream()
      .map(t -> ((JsonObject) t).getString("name")).toList();
  }

  private static long count(List<StreamEvent> events, String method) {
    return events.stream().filter(StreamEvent::hasData).filter(e -> method.equals(e.json().getString("method"))).count();
  }

  private static String text(Answer answer) {
    return answer.result().getJsonArray("content").getJsonObject(0).getString("text");
  }

  @Test
  void backendKilledAndRestartedLeavesAndRejoinsASessionOnItsGetStream() {
    McpTestClient client = new McpTestClient(vertx, gateway.url());
    client.initialize().await();
    List<StreamEvent> events = new CopyOnWriteArrayList<>();
    client.openGet(null, events::add).await();
    assertThat(tools(client)).containsExactly("alpha_echo", "beta_echo");

    beta.close().await();
    waitFor(() -> count(events, LIST_CHANGED) >= 1, "list_changed after beta died");
    assertThat(tools(client)).containsExactly("alpha_echo");

    restartBeta();
    waitFor(() -> count(events, LIST_CHANGED) >= 2, "list_changed after beta came back");
    assertThat(tools(client)).containsExactly("alpha_echo", "beta_echo");
    assertThat(text(client.callTool("beta_echo", new JsonObject().put("text", "back")).await()))
      .isEqualTo("beta/echo: back");
  }

  @Test
  void sessionCreatedWhileTheBackendIsDownGetsItWhenItComesBack() {
    beta.close().await();
    waitFor(() -> !gateway.core().availableBackends().contains("beta"), "beta down");
    McpTestClient client = new McpTestClient(vertx, gateway.url());
    client.initialize().await();
    List<StreamEvent> events = new CopyOnWriteArrayList<>();
    client.openGet(null, events::add).await();
    assertThat(tools(client)).containsExactly("alpha_echo");

    restartBeta();
    waitFor(() -> count(events, LIST_CHANGED) >= 1, "list_changed after beta came back");
    assertThat(tools(client)).containsExactly("alpha_echo", "beta_echo");
    assertThat(text(client.callTool("beta_echo", new JsonObject().put("text", "hi")).await()))
      .isEqualTo("beta/echo: hi");
  }

  @Test
  void aSessionWithoutAGetStreamStopsListingADownBackendAndUsesItAgainWhenBack() {
    McpTestClient client = new McpTestClient(vertx, gateway.url());
    client.initialize().await();
    assertThat(tools(client)).containsExactly("alpha_echo", "beta_echo");

    beta.close().await();
    waitFor(() -> !gateway.core().availableBackends().contains("beta"), "beta down");
    assertThat(tools(client)).containsExactly("alpha_echo");

    restartBeta();
    waitFor(() -> gateway.core().availableBackends().contains("beta"), "beta back");
    assertThat(tools(client)).containsExactly("alpha_echo", "beta_echo");
    assertThat(text(client.callTool("beta_echo", new JsonObject().put("text", "again")).await()))
      .isEqualTo("beta/echo: again");
  }

  @Test
  void callsToADownBackendFailFastNamingIt() {
    McpTestClient client = new McpTestClient(vertx, gateway.url());
    client.initialize().await();
    client.request("tools/list").await();
    beta.close().await();
    waitFor(() -> !gateway.core().availableBackends().contains("beta"), "beta down");

    long fastest = Long.MAX_VALUE;
    Answer answer = null;
    for (int i = 0; i < 5; i++) {
      long start = System.nanoTime();
      answer = client.callTool("beta_echo", new JsonObject().put("text", "anyone?")).await();
      fastest = Math.min(fastest, System.nanoTime() - start);
    }

    assertThat(answer.result().getBoolean("isError")).isTrue();
    assertThat(text(answer)).contains("beta").contains("unavailable");
    assertThat(fastest / 1_000_000).isLessThan(10);
  }

  @Test
  void readinessReportsEachBackendAndStaysUpWhileOneIs() {
    OpsHttp.Reply both = OpsHttp.get(vertx, gateway.port(), "/health/ready").await();
    assertThat(both.status()).isEqualTo(200);
    assertThat(new JsonObject(both.body()).getJsonArray("backends").getJsonObject(1).getString("status"))
      .isEqualTo("UP");

    beta.close().await();
    waitFor(() -> !gateway.core().availableBackends().contains("beta"), "beta down");
    OpsHttp.Reply one = OpsHttp.get(vertx, gateway.port(), "/health/ready").await();
    JsonObject body = new JsonObject(one.body());
    assertThat(one.status()).isEqualTo(200);
    assertThat(body.getJsonArray("backends").getJsonObject(1).getString("name")).isEqualTo("beta");
    assertThat(body.getJsonArray("backends").getJsonObject(1).getString("status")).isEqualTo("DOWN");

    alpha.close().await();
    waitFor(() -> gateway.core().availableBackends().isEmpty(), "all down");
    assertThat(OpsHttp.get(vertx, gateway.port(), "/health/ready").await().status()).isEqualTo(503);
  }
}
