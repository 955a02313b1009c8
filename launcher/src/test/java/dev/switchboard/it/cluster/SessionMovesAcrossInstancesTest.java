package dev.switchboard.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.core.catalog.ConflictResolution;
import dev.switchboard.it.GatewayHarness;
import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.testkit.McpTestClient.Answer;
import dev.switchboard.testkit.McpTestClient.Streamed;
import dev.switchboard.testkit.StreamEvent;
import dev.switchboard.it.TestBackends;
import dev.switchboard.it.streaming.StreamingBackendAccess;
import dev.switchboard.launcher.Gateway;
import dev.switchboard.launcher.config.GatewayConfig;
import dev.switchboard.session.SessionStoreOptions;
import dev.switchboard.session.TestRedis;
import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three gateway instances (three Vert.x instances, each with its own caches and core) sharing one real Redis, with
 * no stickiness: one session is initialized on the first, listed on the second, called on the third, answers a
 * sampling request on the second for a call running on the first, resumes a stream on the second, and is deleted on
 * the second, after which the others answer 404.
 */
class SessionMovesAcrossInstancesTest {
  private final List<Vertx> instances = new ArrayList<>();
  private final List<Gateway> gateways = new ArrayList<>();
  private String keyPrefix;
  private Vertx backendVertx;

  @BeforeEach
  void start() {
    backendVertx = Vertx.vertx();
    RunningServer backend = TestBackends.start(backendVertx, StreamingBackendAccess.builder()).await();
    keyPrefix = TestRedis.newKeyPrefix();
    SessionStoreOptions redis = new SessionStoreOptions("redis", Duration.ofMinutes(5), null, TestRedis.url(),
      keyPrefix);
    List<BackendOptions> backends = List.of(GatewayHarness.backend("streamer", backend));
    AggregationOptions names = new AggregationOptions(ConflictResolution.PRIORITY, null, null, null, null, null, 0);
    for (int i = 0; i < 3; i++) {
      Vertx vertx = Vertx.vertx();
      instances.add(vertx);
      GatewayConfig config = new GatewayConfig(GatewayHarness.transport(), backends, names, redis);
      gateways.add(Gateway.start(vertx, config).await());
    }
  }

  @AfterEach
  void stop() {
    for (int i = 0; i < gateways.size(); i++) {
      gateways.get(i).stop().await();
      instances.get(i).close().await();
    }
    TestRedis.deleteKeys(backendVertx, TestRedis.url(), keyPrefix).await();
    backendVertx.close().await();
  }

  private McpTestClient on(int instance, String sessionId) {
    return new McpTestClient(backendVertx, gateways.get(instance).url()).sessionId(sessionId)
      .capabilities(new JsonObject().put("sampling", new JsonObject()));
  }

  private static String text(JsonObject response) {
    return response.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text");
  }

  @Test
  void oneSessionIsServedByEveryInstance() {
    McpTestClient first = on(0, null);
    first.initializeOnly("2025-11-25").await();
    String id = first.sessionId();
    McpTestClient second = on(1, id);
    McpTestClient third = on(2, id);

    assertThat(second.notify("notifications/initialized", null).await().status()).isEqualTo(202);
    long foreignStart = System.nanoTime();
    Answer listed = second.request("tools/list").await();
    long foreignMicros = (System.nanoTime() - foreignStart) / 1000;
    long localStart = System.nanoTime();
    second.request("tools/list").await();
    long localMicros = (System.nanoTime() - localStart) / 1000;
    System.out.printf("registration on the second instance (pending record): %d us; next request there: %d us%n",
      foreignMicros, localMicros);
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.result().getJsonArray("tools").stream().map(t -> ((JsonObject) t).getString("name")))
      .contains("progress", "sample");

    long reinjectStart = System.nanoTime();
    third.request("tools/list").await();
    long reinjectMicros = (System.nanoTime() - reinjectStart) / 1000;
    long againStart = System.nanoTime();
    third.request("tools/list").await();
    System.out.printf("first tools/list on a third instance (re-injection): %d us; again there: %d us%n",
      reinjectMicros, (System.nanoTime() - againStart) / 1000);
    Answer called = third.callTool("progress", new JsonObject().put("text", "x")).await();
    assertThat(called.status()).isEqualTo(200);
    assertThat(text(called.json())).isEqualTo("done");

    List<String> asked = new CopyOnWriteArrayList<>();
    Streamed sampled = first.streamRequest("tools/call", new JsonObject().put("name", "sample")
      .put("arguments", new JsonObject().put("text", "hello")), event -> {
        if (event.hasData() && "sampling/createMessage".equals(event.json().getString("method"))) {
          Object samplingId = event.json().getValue("id");
          asked.add(String.valueOf(samplingId));
          second.request().body(new JsonObject().put("jsonrpc", "2.0").put("id", samplingId).put("result",
            new JsonObject().put("role", "assistant").put("model", "m")
              .put("content", new JsonObject().put("type", "text").put("text", "answered on two")))).send();
        }
      }).await();
    assertThat(asked).hasSize(1);
    assertThat(text(sampled.messages().get(sampled.messages().size() - 1))).isEqualTo("model said: answered on two");

    Streamed progress = first.streamRequest("tools/call", new JsonObject().put("name", "progress")
      .put("arguments", new JsonObject()).put("_meta", new JsonObject().put("progressToken", "p")), null).await();
    String firstProgress = progress.events().stream().filter(StreamEvent::hasData).findFirst().orElseThrow().id();
    List<StreamEvent> resumed = new CopyOnWriteArrayList<>();
    second.openGet(firstProgress, resumed::add).await();
    for (int i = 0; i < 100 && resumed.stream().noneMatch(e -> e.hasData() && e.json().containsKey("result")); i++) {
      backendVertx.timer(20).await();
    }
    List<JsonObject> replayed = resumed.stream().filter(StreamEvent::hasData).map(StreamEvent::json).toList();
    assertThat(replayed).hasSize(3);
    assertThat(text(replayed.get(2))).isEqualTo("done");

    assertThat(second.delete().await().status()).isEqualTo(200);
    long deletedAt = System.nanoTime();
    int firstStatus = awaitStatus(first, 404);
    int thirdStatus = awaitStatus(third, 404);
    System.out.printf("404 on the other instances %d us after the DELETE answer%n",
      (System.nanoTime() - deletedAt) / 1000);
    assertThat(firstStatus).isEqualTo(404);
    assertThat(thirdStatus).isEqualTo(404);
  }

  /** The status of tools/list, retried for at most 500 ms until it is {@code expected} (signals travel by Redis). */
  private int awaitStatus(McpTestClient client, int expected) {
    int status = 0;
    for (int i = 0; i < 25 && status != expected; i++) {
      status = client.request("tools/list").await().status();
      if (status != expected) {
        backendVertx.timer(20).await();
      }
    }
    return status;
  }
}
