package dev.switchboard.it.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.core.catalog.ConflictResolution;
import dev.switchboard.it.GatewayHarness;
import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.testkit.McpTestClient.Streamed;
import dev.switchboard.testkit.StreamEvent;
import dev.switchboard.it.TestBackends;
import dev.switchboard.launcher.Gateway;
import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import java.util.Objects;
import io.vertx.core.Handler;

/** What a backend sends during a call reaches the client on the POST's SSE stream, and back. */
@ExtendWith(VertxExtension.class)
class StreamingRelayTest {
  private Vertx vertx;
  private StreamingBackend streamer;
  private RunningServer backend;
  private Gateway gateway;
  private McpTestClient client;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    streamer = new StreamingBackend();
    backend = TestBackends.start(vertx, streamer.builder()).await();
    gateway = GatewayHarness.start(vertx, List.of(GatewayHarness.backend("streamer", backend)),
      new AggregationOptions(ConflictResolution.PRIORITY, null, null, null, null, null, 0)).await();
    client = new McpTestClient(vertx, gateway.url())
      .capabilities(new JsonObject().put("sampling", new JsonObject()));
  }

  @AfterEach
  void stop() {
    gateway.stop().await();
  }

  private Streamed call(String tool, JsonObject meta, Handler<StreamEvent> onEvent) {
    JsonObject params = new JsonObject().put("name", tool).put("arguments", new JsonObject().put("text", "x"));
    if (meta != null) {
      params.put("_meta", meta);
    }
    return client.streamRequest("tools/call", params, onEvent).await();
  }

  @Test
  void progressArrivesOnAnSseStreamThatStartsWithAPrimingEvent() {
    client.initialize("2025-11-25").await();

    Streamed answer = call("progress", new JsonObject().put("progressToken", "tok-1"), null);

    assertThat(answer.isSse()).isTrue();
    StreamEvent priming = answer.events().get(0);
    assertThat(priming.id()).isNotBlank();
    assertThat(priming.hasData()).isFalse();
    assertThat(answer.body().toString()).contains("\nretry: ");
    List<JsonObject> messages = answer.messages();
    assertThat(messages).hasSize(4);
    assertThat(messages.subList(0, 3)).allSatisfy(m -> {
      assertThat(m.getString("method")).isEqualTo("notifications/progress");
      assertThat(m.getJsonObject("params").getString("progressToken")).isEqualTo("tok-1");
    });
    assertThat(messages.subList(0, 3).stream().map(m -> m.getJsonObject("params").getDouble("progress")))
      .containsExactly(1.0, 2.0, 3.0);
    assertThat(messages.get(3).getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text"))
      .isEqualTo("done");
  }

  @Test
  void eventIdsAreUniqueAndNameTheirStream() {
    client.initialize("2025-11-25").await();

    List<String> first = call("progress", new JsonObject().put("progressToken", "a"), null).events().stream()
      .map(StreamEvent::id).filter(Objects::nonNull).toList();
    List<String> second = call("progress", new JsonObject().put("progressToken", "b"), null).events().stream()
      .map(StreamEvent::id).filter(Objects::nonNull).toList();

    assertThat(first).hasSize(5);
    assertThat(first).doesNotHaveDuplicates().doesNotContainAnyElementsOf(second);
    String stream = first.get(0).substring(0, first.get(0).lastIndexOf('.'));
    assertThat(first).allMatch(id -> id.startsWith(stream + "."));
  }

  @Test
  void aCallThatStreamsNothingIsPlainJson() {
    client.initialize("2025-11-25").await();

    Streamed answer = client.streamRequest("tools/list", null, null).await();

    assertThat(answer.isSse()).isFalse();
    assertThat(answer.headers().get("Content-Type")).startsWith("application/json");
  }

  @Test
  void olderClientsGetNoPrimingEvent() {
    client.initialize("2025-06-18").await();

    Streamed answer = call("progress", new JsonObject().put("progressToken", 7), null);

    assertThat(answer.events()).allMatch(StreamEvent::hasData);
    assertThat(answer.messages().get(0).getJsonObject("params").getInteger("progressToken")).isEqualTo(7);
  }

  @Test
  void samplingRequestIsRelayedAndTheAnswerReturnsToTheBackend() {
    client.initialize("2025-11-25").await();
    List<String> requestIds = new CopyOnWriteArrayList<>();

    Streamed answer = call("sample", null, event -> {
      if (event.hasData() && "sampling/createMessage".equals(event.json().getString("method"))) {
        Object id = event.json().getValue("id");
        requestIds.add(String.valueOf(id));
        client.request().body(new JsonObject().put("jsonrpc", "2.0").put("id", id).put("result", new JsonObject()
          .put("role", "assistant").put("model", "test-model")
          .put("content", new JsonObject().put("type", "text").put("text", "forty-two")))).send();
      }
    });

    assertThat(requestIds).hasSize(1);
    assertThat(requestIds.get(0)).startsWith("sb/streamer/");
    JsonObject response = answer.messages().get(answer.messages().size() - 1);
    assertThat(response.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text"))
      .isEqualTo("model said: forty-two");
  }

  @Test
  void logMessagesBelowTheClientsLevelAreDropped() {
    client.initialize("2025-11-25").await();
    client.request("logging/setLevel", new JsonObject().put("level", "warning")).await();

    Streamed answer = call("logs", null, null);

    List<String> levels = answer.messages().stream().filter(m -> "notifications/message".equals(m.getString("method")))
      .map(m -> m.getJsonObject("params").getString("level")).toList();
    assertThat(levels).containsExactly("warning", "error");
  }

  @Test
  void cancellationReachesTheBackendRunningTheRequest() {
    client.initialize("2025-11-25").await();
    long id = client.nextId();
    JsonObject params = new JsonObject().put("name", "wait_cancel").put("arguments", new JsonObject())
      .put("_meta", new JsonObject().put("progressToken", "c1"));

    client.stream(client.request().body(client.message(id, "tools/call", params)), event -> {
      if (event.hasData() && "notifications/progress".equals(event.json().getString("method"))) {
        client.notify("notifications/cancelled", new JsonObject().put("requestId", id).put("reason", "user"));
      }
    });

    for (int i = 0; i < 100 && streamer.cancellations.get() == 0; i++) {
      vertx.timer(20).await();
    }
    assertThat(streamer.cancellations.get()).isEqualTo(1);
  }

  @Test
  void resourceUpdatesReachTheGetStreamForSubscribedUrisOnly() {
    client.initialize("2025-11-25").await();
    client.request("resources/subscribe", new JsonObject().put("uri", "test://watched")).await();
    List<JsonObject> received = new CopyOnWriteArrayList<>();
    client.openGet(null, event -> {
      if (event.hasData()) {
        received.add(event.json());
      }
    }).await();
    vertx.timer(200).await();

    backend.resourceUpdated("test://unwatched").await();
    backend.resourceUpdated("test://watched").await();
    for (int i = 0; i < 100 && received.isEmpty(); i++) {
      vertx.timer(20).await();
    }
    vertx.timer(100).await();

    assertThat(received).hasSize(1);
    assertThat(received.get(0).getString("method")).isEqualTo("notifications/resources/updated");
    assertThat(received.get(0).getJsonObject("params").getString("uri")).isEqualTo("test://watched");
  }
}
