package dev.switchboard.it.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.it.GatewayHarness;
import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.testkit.McpTestClient.Answer;
import dev.switchboard.it.TestBackends;
import dev.switchboard.launcher.Gateway;
import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Backends that are down, slow or die: the gateway still starts and answers, naming the backend. */
@ExtendWith(VertxExtension.class)
class BackendFailureTest {

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String text(Answer answer) {
    return answer.result().getJsonArray("content").getJsonObject(0).getString("text");
  }

  @Test
  void backendDownAtStartUpIsLeftOutAndTheGatewayStarts(Vertx vertx) throws Exception {
    RunningServer alpha = TestBackends.start(vertx, TestBackends.named("alpha", 0, "echo")).await();
    String downUrl = "http://127.0.0.1:" + freePort() + "/mcp";
    Gateway gateway = GatewayHarness.start(vertx, List.of(GatewayHarness.backend("alpha", alpha),
      GatewayHarness.backend("down", downUrl, Duration.ofSeconds(2))), AggregationOptions.defaults()).await();

    McpTestClient client = new McpTestClient(vertx, gateway.url());
    client.initialize().await();

    assertThat(gateway.core().availableBackends()).containsExactly("alpha");
    assertThat(client.request("tools/list").await().result().getJsonArray("tools").stream()
      .map(t -> ((JsonObject) t).getString("name"))).containsExactly("alpha_echo");
    assertThat(text(client.callTool("alpha_echo", new JsonObject().put("text", "up")).await()))
      .isEqualTo("alpha/echo: up");
  }

  @Test
  void backendThatComesBackIsOfferedToNewSessions(Vertx vertx) throws Exception {
    int port = freePort();
    RunningServer alpha = TestBackends.start(vertx, TestBackends.named("alpha", 0, "echo")).await();
    Gateway gateway = GatewayHarness.start(vertx, List.of(GatewayHarness.backend("alpha", alpha),
        GatewayHarness.backend("late", "http://127.0.0.1:" + port + "/mcp", Duration.ofSeconds(2))),
      AggregationOptions.defaults()).await();

    TestBackends.named("late", 0, "hello").build().listen(vertx, "127.0.0.1", port, "/mcp").await();
    for (int i = 0; i < 100 && !gateway.core().availableBackends().contains("late"); i++) {
      vertx.timer(100).await();
    }

    McpTestClient client = new McpTestClient(vertx, gateway.url());
    client.initialize().await();
    assertThat(text(client.callTool("late_hello", new JsonObject().put("text", "back")).await()))
      .isEqualTo("late/hello: back");
  }

  @Test
  void backendTimeoutIsAnErrorResultNamingTheBackend(Vertx vertx) {
    RunningServer slow = TestBackends.start(vertx, TestBackends.named("sloth", 3000, "slow")).await();
    Gateway gateway = GatewayHarness.start(vertx, List.of(GatewayHarness.backend("sloth", slow.url(),
      Duration.ofMillis(500))), AggregationOptions.defaults()).await();
    McpTestClient client = new McpTestClient(vertx, gateway.url());
    client.initialize().await();

    long start = System.nanoTime();
    Answer answer = client.callTool("sloth_slow", new JsonObject().put("text", "zzz")).await();
    long tookMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.result().getBoolean("isError")).isTrue();
    assertThat(text(answer)).contains("sloth").contains("timed out");
    assertThat(tookMillis).isLessThan(2500);
  }

  @Test
  void backendThatDiesMidSessionIsAnErrorResultNamingIt(Vertx vertx) {
    RunningServer alpha = TestBackends.start(vertx, TestBackends.named("alpha", 0, "echo")).await();
    RunningServer beta = TestBackends.start(vertx, TestBackends.named("beta", 0, "echo")).await();
    Gateway gateway = GatewayHarness.start(vertx, List.of(GatewayHarness.backend("alpha", alpha),
      GatewayHarness.backend("beta", beta)), AggregationOptions.defaults()).await();
    McpTestClient client = new McpTestClient(vertx, gateway.url());
    client.initialize().await();
    client.request("tools/list").await();

    beta.close().await();
    Answer dead = client.callTool("beta_echo", new JsonObject().put("text", "hello?")).await();
    Answer alive = client.callTool("alpha_echo", new JsonObject().put("text", "hello")).await();

    assertThat(dead.result().getBoolean("isError")).isTrue();
    assertThat(text(dead)).contains("beta");
    assertThat(text(alive)).isEqualTo("alpha/echo: hello");
  }
}
