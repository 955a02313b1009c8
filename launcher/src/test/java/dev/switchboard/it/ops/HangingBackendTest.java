package dev.switchboard.it.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.core.health.BreakerOptions;
import dev.switchboard.core.health.HealthOptions;
import dev.switchboard.it.GatewayHarness;
import dev.switchboard.testkit.McpTestClient;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A backend that starts hanging after start-up does not make new sessions wait its timeout: registration goes on
 * without it after its registration deadline, and it joins the session when it answers.
 */
@ExtendWith(VertxExtension.class)
class HangingBackendTest {

  /** Probed every 30 s, so within the test only the registration deadline (300 ms) is at play. */
  private static BackendOptions slowlyProbed(String name, String url) {
    return new BackendOptions(name, URI.create(url), Duration.ofSeconds(10), Map.of(), 16)
      .withHealth(new HealthOptions(Duration.ofSeconds(30), Duration.ofSeconds(5), 3, 1, Duration.ofMillis(300)),
        BreakerOptions.defaults());
  }

  @Test
  void registrationDoesNotWaitForAHangingBackendAndItJoinsWhenItAnswers(Vertx vertx) {
    RunningServer alpha = TestBackends.start(vertx, TestBackends.named("alpha", 0, "echo")).await();
    RunningServer slowpoke = TestBackends.start(vertx, TestBackends.named("slowpoke", 0, "echo")).await();
    GateProxy gate = GateProxy.start(vertx, URI.create(slowpoke.url()).getPort()).await();
    Gateway gateway = GatewayHarness.start(vertx, List.of(GatewayHarness.backend("alpha", alpha),
        slowlyProbed("slowpoke", gate.url())),
      AggregationOptions.defaults()).await();
    try {
      gate.hang();
      McpTestClient client = new McpTestClient(vertx, gateway.url());
      client.initialize().await();
      List<StreamEvent> events = new CopyOnWriteArrayList<>();
      client.openGet(null, events::add).await();

      long start = System.nanoTime();
      List<String> tools = client.request("tools/list").await().result().getJsonArray("tools").stream()
        .map(t -> ((JsonObject) t).getString("name")).toList();
      long tookMillis = (System.nanoTime() - start) / 1_000_000;
      assertThat(tools).containsExactly("alpha_echo");
      assertThat(tookMillis).isLessThan(2000);
      assertThat(gateway.core().availableBackends()).contains("slowpoke");

      gate.release();
      for (int i = 0; i < 250 && events.stream().filter(StreamEvent::hasData)
        .noneMatch(e -> "notifications/tools/list_changed".equals(e.json().getString("method"))); i++) {
        vertx.timer(20).await();
      }
      assertThat(client.request("tools/list").await().result().getJsonArray("tools").stream()
        .map(t -> ((JsonObject) t).getString("name")).toList()).containsExactly("alpha_echo", "slowpoke_echo");
    } finally {
      gateway.stop().await();
      gate.close().await();
    }
  }
}
