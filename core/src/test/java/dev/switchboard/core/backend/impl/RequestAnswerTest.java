package dev.switchboard.core.backend.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.backend.BackendException.Kind;
import dev.switchboard.core.protocol.JsonRpc;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@code request()}: reading the answer as JSON or as an SSE stream. */
class RequestAnswerTest extends BackendClientTestBase {
  private static final JsonObject ARGS = new JsonObject().put("name", "add");

  @Test
  void requestReturnsResultOfJsonAnswer() throws Exception {
    JsonObject result = await(client().request(FakeBackend.SESSION_ID, "tools/call", ARGS));

    assertThat(result).isEqualTo(new JsonObject().put("echo", "tools/call"));
    assertThat(backend.received().get(0).body().getJsonObject("params")).isEqualTo(ARGS);
  }

  @Test
  void requestDeliversSseNotificationsInOrderBeforeTheResult() throws Exception {
    backend.on("tools/call", (request, response) -> FakeBackend.sse(response)
      .write("id: prime-1\ndata:\n\n")
      .compose(v -> response.write(FakeBackend.event(progress(1))))
      .compose(v -> response.write(": keep-alive comment\n" + FakeBackend.event(progress(2))))
      .compose(v -> response.end(FakeBackend.event(answer(request)))));
    List<JsonObject> messages = new CopyOnWriteArrayList<>();

    JsonObject result = await(client().request(FakeBackend.SESSION_ID, "tools/call", ARGS, messages::add));

    assertThat(result).isEqualTo(new JsonObject().put("content", "done"));
    assertThat(messages).containsExactly(progress(1), progress(2));
  }

  @Test
  void requestParsesSseEventsSplitAcrossChunks() throws Exception {
    backend.on("tools/call", (request, response) -> {
      String progress = FakeBackend.event(progress(1)).replace("\n", "\r\n");
      String answer = "event: message\r\ndata: " + answer(request).encode() + "\r\n\r\n";
      writeSlowly(FakeBackend.sse(response), List.of("id: 7\r", "\n" + progress.substring(0, 20),
        progress.substring(20, progress.length() - 1), progress.substring(progress.length() - 1),
        answer.substring(0, 30), answer.substring(30)));
    });
    List<JsonObject> messages = new CopyOnWriteArrayList<>();

    JsonObject result = await(client().request(FakeBackend.SESSION_ID, "tools/call", ARGS, messages::add));

    assertThat(result).isEqualTo(new JsonObject().put("content", "done"));
    assertThat(messages).containsExactly(progress(1));
  }

  @Test
  void sseStreamLeftOpenAfterTheResponseIsClosed() throws Exception {
    Promise<Void> closed = Promise.promise();
    backend.on("tools/call", (request, response) -> {
      response.closeHandler(v -> closed.tryComplete());
      FakeBackend.sse(response).write(FakeBackend.event(answer(request)));
    });

    JsonObject result = await(client().request(FakeBackend.SESSION_ID, "tools/call", ARGS));

    assertThat(result).isEqualTo(new JsonObject().put("content", "done"));
    await(closed.future());
  }

  @Test
  void sseStreamEndingWithoutTheResponseFailsWithProtocol() throws Exception {
    backend.on("tools/call", (request, response) -> FakeBackend.sse(response).end(FakeBackend.event(progress(1))));

    var failure = backendFailure(client().request(FakeBackend.SESSION_ID, "tools/call", ARGS), Kind.PROTOCOL);

    assertThat(failure.getMessage()).contains("ended without the response");
  }

  @Test
  void bodyThatIsNotJsonFailsWithProtocol() throws Exception {
    backend.on("tools/call", (request, response) ->
      response.putHeader("Content-Type", "application/json").end("<html>oops</html>"));

    backendFailure(client().request(FakeBackend.SESSION_ID, "tools/call", ARGS), Kind.PROTOCOL);
  }

  @Test
  void jsonAnswerWithAnotherIdFailsWithProtocol() throws Exception {
    backend.on("tools/call", (request, response) ->
      FakeBackend.json(response, JsonRpc.response(424242, new JsonObject())));

    backendFailure(client().request(FakeBackend.SESSION_ID, "tools/call", ARGS), Kind.PROTOCOL);
  }

  @Test
  void acceptedWithoutBodyFailsWithProtocol() throws Exception {
    backend.on("tools/call", (request, response) -> response.setStatusCode(202).end());

    var failure = backendFailure(client().request(FakeBackend.SESSION_ID, "tools/call", ARGS), Kind.PROTOCOL);

    assertThat(failure.getMessage()).contains("HTTP 202");
  }

  private static JsonObject progress(int step) {
    return JsonRpc.notification("notifications/progress", new JsonObject().put("progressToken", "p").put("progress",
      step));
  }

  private static JsonObject answer(FakeBackend.Received request) {
    return JsonRpc.response(request.body().getValue("id"), new JsonObject().put("content", "done"));
  }

  /** Writes each chunk 15 ms after the previous one, so that they reach the client as separate reads. */
  private void writeSlowly(HttpServerResponse response, List<String> chunks) {
    if (chunks.isEmpty()) {
      response.end();
      return;
    }
    response.write(chunks.get(0)).onSuccess(v ->
      vertx.setTimer(15, t -> writeSlowly(response, chunks.subList(1, chunks.size()))));
  }
}
