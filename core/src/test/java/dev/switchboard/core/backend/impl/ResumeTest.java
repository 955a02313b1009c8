package dev.switchboard.core.backend.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.backend.BackendException.Kind;
import dev.switchboard.core.protocol.JsonRpc;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A POST's event stream that ends before the response is resumed with GET and {@code Last-Event-ID}. */
class ResumeTest extends BackendClientTestBase {
  private static final JsonObject ARGS = new JsonObject().put("name", "poll");

  private final AtomicReference<Object> callId = new AtomicReference<>();
  private final List<JsonObject> messages = new CopyOnWriteArrayList<>();

  /** tools/call: a priming event, {@code retry}, one progress event with an id, then the stream ends. */
  private void pollingTool(String retry) {
    backend.on("tools/call", (request, response) -> {
      callId.set(request.body().getValue("id"));
      FakeBackend.sse(response).end(FakeBackend.priming("s1-0") + retry + FakeBackend.event("s1-1", progress(1)));
    });
  }

  /** GET: one more progress event and then the response. */
  private void answeringGet() {
    backend.onGet((request, response) -> FakeBackend.sse(response)
      .end(FakeBackend.event("s1-2", progress(2)) + FakeBackend.event("s1-3", answer())));
  }

  @Test
  void streamEndingAfterAnEventWithIdIsResumedWithGetAndLastEventId() throws Exception {
    pollingTool("retry: 20\n");
    answeringGet();

    JsonObject result = await(client().request(FakeBackend.SESSION_ID, "tools/call", ARGS, messages::add));

    assertThat(result).isEqualTo(new JsonObject().put("content", "done"));
    assertThat(messages).containsExactly(progress(1), progress(2));
    FakeBackend.Received get = backend.gets().get(0);
    assertThat(get.uri()).isEqualTo("/mcp?tenant=t1");
    assertThat(get.headers().get("Last-Event-ID")).isEqualTo("s1-1");
    assertThat(get.headers().get("Accept")).isEqualTo("text/event-stream");
    assertThat(get.headers().get("Mcp-Session-Id")).isEqualTo(FakeBackend.SESSION_ID);
    assertThat(get.headers().get("MCP-Protocol-Version")).isNotBlank();
    assertThat(backend.gets()).hasSize(1);
  }

  @Test
  void reconnectWaitsForTheAnnouncedRetry() throws Exception {
    AtomicLong ended = new AtomicLong();
    AtomicLong resumed = new AtomicLong();
    backend.on("tools/call", (request, response) -> {
      callId.set(request.body().getValue("id"));
      FakeBackend.sse(response).end("retry: 400\n" + FakeBackend.priming("p-0"))
        .onComplete(v -> ended.set(System.nanoTime()));
    });
    backend.onGet((request, response) -> {
      resumed.set(System.nanoTime());
      FakeBackend.sse(response).end(FakeBackend.event("p-1", answer()));
    });

    await(client().request(FakeBackend.SESSION_ID, "tools/call", ARGS));

    assertThat((resumed.get() - ended.get()) / 1_000_000).isBetween(380L, 1_500L);
  }

  @Test
  void reconnectWaitsOneSecondWithoutRetry() throws Exception {
    pollingTool("");
    answeringGet();
    long start = System.nanoTime();

    await(client().request(FakeBackend.SESSION_ID, "tools/call", ARGS));

    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(950L);
  }

  @Test
  void droppedConnectionAfterAnEventWithIdIsResumed() throws Exception {
    backend.on("tools/call", (request, response) -> {
      callId.set(request.body().getValue("id"));
      FakeBackend.sse(response).write("retry: 10\n" + FakeBackend.event("d-1", progress(1)))
        .onSuccess(v -> vertx.setTimer(20, t -> response.reset()));
    });
    answeringGet();

    JsonObject result = await(client().request(FakeBackend.SESSION_ID, "tools/call", ARGS, messages::add));

    assertThat(result).isEqualTo(new JsonObject().put("content", "done"));
    assertThat(backend.gets().get(0).headers().get("Last-Event-ID")).isEqualTo("d-1");
  }

  @Test
  void aResumedStreamThatEndsEarlyIsResumedAgainFromItsLastId() throws Exception {
    pollingTool("retry: 10\n");
    backend.onGet((request, response) -> {
      String last = request.headers().get("Last-Event-ID");
      FakeBackend.sse(response).end(last.equals("s1-1")
        ? FakeBackend.event("s1-2", progress(2))
        : FakeBackend.event("s1-3", answer()));
    });

    await(client().request(FakeBackend.SESSION_ID, "tools/call", ARGS, messages::add));

    assertThat(backend.gets()).extracting(get -> get.headers().get("Last-Event-ID")).containsExactly("s1-1", "s1-2");
    assertThat(messages).containsExactly(progress(1), progress(2));
  }

  @Test
  void resumptionGivesUpAfterTenReconnects() throws Exception {
    pollingTool("retry: 1\n");
    backend.onGet((request, response) -> FakeBackend.sse(response).end(FakeBackend.priming("again")));

    var failure = backendFailure(client().request(FakeBackend.SESSION_ID, "tools/call", ARGS), Kind.PROTOCOL);

    assertThat(failure.getMessage()).contains("after 10 resumptions");
    assertThat(backend.gets()).hasSize(SseAnswer.MAX_RECONNECTS);
  }

  @Test
  void streamWithoutEventIdsIsNotResumed() throws Exception {
    backend.on("tools/call", (request, response) ->
      FakeBackend.sse(response).end("retry: 1\n" + FakeBackend.event(progress(1))));

    var failure = backendFailure(client().request(FakeBackend.SESSION_ID, "tools/call", ARGS), Kind.PROTOCOL);

    assertThat(failure.getMessage()).contains("ended without the response");
    assertThat(backend.gets()).isEmpty();
  }

  @Test
  void resumptionRefusedByTheBackendFailsWithItsStatus() throws Exception {
    pollingTool("retry: 1\n");

    var failure = backendFailure(client().request(FakeBackend.SESSION_ID, "tools/call", ARGS), Kind.HTTP_STATUS);

    assertThat(failure.getMessage()).contains("HTTP 405");
  }

  @Test
  void theRequestTimeoutBoundsTheWaitForAReconnect() throws Exception {
    pollingTool("retry: 4000\n");
    answeringGet();
    var client = client(Duration.ofMillis(300), Map.of());

    backendFailure(client.request(FakeBackend.SESSION_ID, "tools/call", ARGS), Kind.TIMEOUT);

    FakeBackend.Received cancelled = await(backend.awaitMessage("notifications/cancelled"));
    assertThat(cancelled.body().getJsonObject("params").getValue("requestId")).isEqualTo(callId.get());
    assertThat(backend.gets()).isEmpty();
  }

  private static JsonObject progress(int step) {
    return JsonRpc.notification("notifications/progress", new JsonObject().put("progressToken", "p")
      .put("progress", step));
  }

  private JsonObject answer() {
    return JsonRpc.response(callId.get(), new JsonObject().put("content", "done"));
  }
}
