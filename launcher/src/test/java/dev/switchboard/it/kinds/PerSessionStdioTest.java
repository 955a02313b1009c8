package dev.switchboard.it.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.backend.BackendTransport;
import dev.switchboard.core.backend.stdio.SessionMode;
import dev.switchboard.core.backend.stdio.StdioOptions;
import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.it.GatewayHarness;
import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.launcher.Gateway;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code sessionMode: per-session}: one server-everything process per client session, capped, stopped at DELETE. */
@ExtendWith(VertxExtension.class)
class PerSessionStdioTest {
  private Vertx vertx;
  private Gateway gateway;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    BackendOptions everything = NodeServers.stdio("mine", SessionMode.PER_SESSION, Map.of(), "server-everything",
      "stdio");
    StdioOptions capped = everything.stdio().withSessionMode(SessionMode.PER_SESSION, 2);
    gateway = GatewayHarness.start(vertx, List.of(new BackendOptions("mine", null, NodeServers.TIMEOUT, Map.of(), 1,
      BackendTransport.STDIO, capped)), AggregationOptions.defaults()).await();
  }

  @AfterEach
  void stop() {
    gateway.stop().await();
  }

  @Test
  void eachSessionGetsItsOwnProcessStoppedWhenTheSessionEnds() throws Exception {
    McpTestClient first = client();
    McpTestClient second = client();
    assertThat(echo(first, "one")).isEqualTo("Echo: one");
    assertThat(echo(second, "two")).isEqualTo("Echo: two");
    assertThat(awaitProcesses(n -> n == 2)).isEqualTo(2);

    first.delete().await();

    assertThat(awaitProcesses(n -> n == 1)).isEqualTo(1);
    assertThat(echo(second, "still")).isEqualTo("Echo: still");
  }

  @Test
  void sessionBeyondMaxProcessesGoesWithoutTheBackend() throws Exception {
    client();
    client();
    awaitProcesses(n -> n == 2);

    McpTestClient third = client();

    List<Object> tools = third.request("tools/list").await().result().getJsonArray("tools").getList();
    assertThat(tools).isEmpty();
    assertThat(awaitProcesses(n -> n == 2)).isEqualTo(2);
  }

  private McpTestClient client() {
    McpTestClient client = new McpTestClient(vertx, gateway.url());
    client.initialize().await();
    client.request("tools/list").await();
    return client;
  }

  private static String echo(McpTestClient client, String text) {
    JsonObject result = client.callTool("mine_echo", new JsonObject().put("message", text)).await().result();
    return result.getJsonArray("content").getJsonObject(0).getString("text");
  }

  /** Waits (bounded) until the number of server-everything processes matches; returns the last count seen. */
  private static int awaitProcesses(IntPredicate expected) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    int count = NodeServers.children("server-everything", "stdio").size();
    while (!expected.test(count) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      count = NodeServers.children("server-everything", "stdio").size();
    }
    return count;
  }
}
