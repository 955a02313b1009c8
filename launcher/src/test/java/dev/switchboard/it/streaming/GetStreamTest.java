package dev.switchboard.it.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.core.catalog.ConflictResolution;
import dev.switchboard.it.GatewayHarness;
import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.testkit.McpTestClient.Answer;
import dev.switchboard.testkit.StreamEvent;
import dev.switchboard.it.TestBackends;
import dev.switchboard.launcher.Gateway;
import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import java.util.function.BooleanSupplier;

/** The standalone GET stream and resumption with Last-Event-ID. */
@ExtendWith(VertxExtension.class)
class GetStreamTest {
  private Vertx vertx;
  private Gateway gateway;
  private McpTestClient client;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    RunningServer backend = TestBackends.start(vertx, new StreamingBackend().builder()).await();
    gateway = GatewayHarness.start(vertx, List.of(GatewayHarness.backend("streamer", backend)),
      new AggregationOptions(ConflictResolution.PRIORITY, null, null, null, null, null, 0)).await();
    client = new McpTestClient(vertx, gateway.url());
    client.initialize("2025-11-25").await();
  }

  @AfterEach
  void stop() {
    gateway.stop().await();
  }

  private void waitFor(BooleanSupplier condition) {
    for (int i = 0; i < 150 && !condition.getAsBoolean(); i++) {
      vertx.timer(20).await();
    }
  }

  @Test
  void getWithoutSseInAcceptGets406() {
    Answer answer = client.request().method(HttpMethod.GET).header("Accept", "application/json")
      .body((Object) null).send().await();

    assertThat(answer.status()).isEqualTo(406);
  }

  @Test
  void getWithoutSessionGets400() {
    Answer answer = client.request().method(HttpMethod.GET).header("Accept", "text/event-stream").noSession()
      .body((Object) null).send().await();

    assertThat(answer.status()).isEqualTo(400);
  }

  @Test
  void getOpensAnEventStreamThatStartsWithAPrimingEvent() {
    List<StreamEvent> events = new CopyOnWriteArrayList<>();

    HttpClientResponse response = client.openGet(null, events::add).await();
    waitFor(() -> !events.isEmpty());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("text/event-stream");
    assertThat(events.get(0).id()).startsWith("g");
    assertThat(events.get(0).hasData()).isFalse();
  }

  @Test
  void aPostStreamLostMidwayIsResumedWithLastEventId() {
    List<StreamEvent> seen = new CopyOnWriteArrayList<>();
    long id = client.nextId();
    JsonObject params = new JsonObject().put("name", "progress").put("arguments", new JsonObject())
      .put("_meta", new JsonObject().put("progressToken", "r"));
    var first = client.stream(client.request().body(client.message(id, "tools/call", params)), seen::add);
    first.await();
    StreamEvent progress = seen.stream().filter(StreamEvent::hasData).findFirst().orElseThrow();

    List<StreamEvent> replayed = new CopyOnWriteArrayList<>();
    client.openGet(progress.id(), replayed::add).await();
    waitFor(() -> replayed.stream().anyMatch(e -> e.hasData() && e.json().containsKey("result")));

    List<JsonObject> messages = replayed.stream().filter(StreamEvent::hasData).map(StreamEvent::json).toList();
    assertThat(messages).hasSize(3);
    assertThat(messages.get(0).getJsonObject("params").getDouble("progress")).isEqualTo(2.0);
    assertThat(messages.get(2).getValue("id").toString()).isEqualTo(String.valueOf(id));
  }
}
