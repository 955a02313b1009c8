package dev.switchboard.core.backend.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.backend.BackendClient;
import dev.switchboard.core.backend.BackendException.Kind;
import dev.switchboard.core.backend.BackendStream;
import dev.switchboard.core.protocol.JsonRpc;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code listen()}: the session's GET stream, its reconnections and its end. */
class ListenTest extends BackendClientTestBase {
  private static final JsonObject TOOLS_CHANGED = JsonRpc.notification("notifications/tools/list_changed", null);
  private static final JsonObject UPDATED = JsonRpc.notification("notifications/resources/updated",
    new JsonObject().put("uri", "file:///a"));
  private static final JsonObject ROOTS_REQUEST = JsonRpc.request("srv-1", "roots/list", null);

  private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
  private final BlockingQueue<FakeBackend.Received> gets = new LinkedBlockingQueue<>();
  private final List<HttpServerResponse> streams = new CopyOnWriteArrayList<>();

  /** Answers the n-th GET (from 0) with this responder, recording the request. */
  private void onGets(List<FakeBackend.Responder> answers) {
    backend.onGet((request, response) -> {
      gets.add(request);
      streams.add(response);
      int n = Math.min(streams.size() - 1, answers.size() - 1);
      answers.get(n).respond(request, response);
    });
  }

  private static FakeBackend.Responder writes(String text) {
    return (request, response) -> FakeBackend.sse(response).write(text);
  }

  @Test
  void listenDeliversNotificationsAndServerRequestsInOrder() throws Exception {
    onGets(List.of(writes(FakeBackend.priming("g-0") + FakeBackend.event(TOOLS_CHANGED) + FakeBackend.event(UPDATED)
      + FakeBackend.event(ROOTS_REQUEST))));

    BackendStream stream = await(client().listen(FakeBackend.SESSION_ID, messages::add));

    assertThat(stream.supported()).isTrue();
    assertThat(stream.isClosed()).isFalse();
    assertThat(stream.sessionId()).isEqualTo(FakeBackend.SESSION_ID);
    assertThat(List.of(next(), next(), next())).containsExactly(TOOLS_CHANGED, UPDATED, ROOTS_REQUEST);
    FakeBackend.Received get = gets.take();
    assertThat(get.uri()).isEqualTo("/mcp?tenant=t1");
    assertThat(get.headers().get("Accept")).isEqualTo("text/event-stream");
    assertThat(get.headers().get("Mcp-Session-Id")).isEqualTo(FakeBackend.SESSION_ID);
    assertThat(get.headers().get("MCP-Protocol-Version")).isNotBlank();
    assertThat(get.headers().contains("Last-Event-ID")).isFalse();
  }

  @Test
  void listenOnMethodNotAllowedGivesAClosedUnsupportedStream() throws Exception {
    BackendStream stream = await(client().listen(FakeBackend.SESSION_ID, messages::add));

    assertThat(stream.supported()).isFalse();
    assertThat(stream.isClosed()).isTrue();
    await(stream.closed());
    assertThat(backend.gets()).hasSize(1);
  }

  @Test
  void listenOnAnUnknownSessionFailsWithSessionExpired() throws Exception {
    backend.onGet((request, response) -> response.setStatusCode(404).end());

    backendFailure(client().listen(FakeBackend.SESSION_ID, messages::add), Kind.SESSION_EXPIRED);
  }

  @Test
  void droppedStreamIsReopenedWithLastEventId() throws Exception {
    onGets(List.of(
      (request, response) -> FakeBackend.sse(response).write("retry: 20\n" + FakeBackend.event("g-1", TOOLS_CHANGED))
        .onSuccess(v -> vertx.setTimer(20, t -> response.reset())),
      writes(FakeBackend.event("g-2", UPDATED))));

    await(client().listen(FakeBackend.SESSION_ID, messages::add));

    assertThat(List.of(next(), next())).containsExactly(TOOLS_CHANGED, UPDATED);
    gets.take();
    assertThat(nextGet().headers().get("Last-Event-ID")).isEqualTo("g-1");
  }

  @Test
  void streamEndedByTheBackendIsReopenedWithLastEventId() throws Exception {
    onGets(List.of(
      (request, response) -> FakeBackend.sse(response).end("retry: 20\n" + FakeBackend.event("e-1", TOOLS_CHANGED)),
      writes(FakeBackend.priming("e-2"))));

    await(client().listen(FakeBackend.SESSION_ID, messages::add));

    gets.take();
    assertThat(nextGet().headers().get("Last-Event-ID")).isEqualTo("e-1");
    assertThat(next()).isEqualTo(TOOLS_CHANGED);
  }

  @Test
  void failedReconnectionsBackOffExponentially() throws Exception {
    List<Long> times = new CopyOnWriteArrayList<>();
    onGets(List.of(
      (request, response) -> FakeBackend.sse(response).end("retry: 50\n" + FakeBackend.priming("b-1")),
      (request, response) -> {
        times.add(System.nanoTime());
        response.setStatusCode(503).end();
      }));

    BackendStream stream = await(client().listen(FakeBackend.SESSION_ID, messages::add));
    for (int i = 0; i < 4; i++) {
      nextGet();
    }
    nextGet();
    await(stream.close());

    List<Long> gaps = List.of(times.get(1) - times.get(0), times.get(2) - times.get(1), times.get(3) - times.get(2))
      .stream().map(nanos -> nanos / 1_000_000).toList();
    assertThat(gaps.get(0)).isGreaterThanOrEqualTo(90);
    assertThat(gaps.get(1)).isGreaterThanOrEqualTo(180);
    assertThat(gaps.get(2)).isGreaterThanOrEqualTo(360);
    assertThat(stream.isClosed()).isTrue();
  }

  @Test
  void closeStopsTheStreamAndItsReconnections() throws Exception {
    Promise<Void> connectionClosed = Promise.promise();
    onGets(List.of((request, response) -> {
      response.closeHandler(v -> connectionClosed.tryComplete());
      FakeBackend.sse(response).write("retry: 10\n" + FakeBackend.priming("c-1"));
    }));
    BackendStream stream = await(client().listen(FakeBackend.SESSION_ID, messages::add));

    await(stream.close());

    await(connectionClosed.future());
    await(stream.closed());
    assertThat(stream.isClosed()).isTrue();
    assertThat(await(((ListenStream) stream).settled())).isTrue();
    assertThat(backend.gets()).hasSize(1);
  }

  @Test
  void sessionGoneOnReconnectionStopsTheStreamWithSessionExpired() throws Exception {
    onGets(List.of(
      (request, response) -> FakeBackend.sse(response).end("retry: 10\n" + FakeBackend.priming("x-1")),
      (request, response) -> response.setStatusCode(404).end()));

    BackendStream stream = await(client().listen(FakeBackend.SESSION_ID, messages::add));

    backendFailure(stream.closed(), Kind.SESSION_EXPIRED);
    assertThat(stream.isClosed()).isTrue();
    assertThat(await(((ListenStream) stream).settled())).isTrue();
    assertThat(backend.gets()).hasSize(2);
  }

  @Test
  void responsesAndMalformedEventsAreSkipped() throws Exception {
    onGets(List.of(writes(FakeBackend.event(JsonRpc.response(3, new JsonObject())) + "data: {oops\n\n"
      + "data: [1]\n\n" + FakeBackend.event(TOOLS_CHANGED))));

    await(client().listen(FakeBackend.SESSION_ID, messages::add));

    assertThat(next()).isEqualTo(TOOLS_CHANGED);
    assertThat(messages).isEmpty();
  }

  @Test
  void shutdownClosesOpenStreams() throws Exception {
    Promise<Void> connectionClosed = Promise.promise();
    onGets(List.of((request, response) -> {
      response.closeHandler(v -> connectionClosed.tryComplete());
      FakeBackend.sse(response).write(FakeBackend.priming("s-1"));
    }));
    BackendClient client = client();
    BackendStream stream = await(client.listen(FakeBackend.SESSION_ID, messages::add));

    await(client.shutdown());

    await(connectionClosed.future());
    assertThat(stream.isClosed()).isTrue();
    backendFailure(client.listen(FakeBackend.SESSION_ID, messages::add), Kind.UNREACHABLE);
  }

  private JsonObject next() throws InterruptedException {
    JsonObject message = messages.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(message).as("a message within %ss", WAIT_SECONDS).isNotNull();
    return message;
  }

  private FakeBackend.Received nextGet() throws InterruptedException {
    FakeBackend.Received get = gets.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(get).as("a GET within %ss", WAIT_SECONDS).isNotNull();
    return get;
  }
}
