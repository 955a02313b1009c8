package dev.switchboard.core.backend.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.backend.BackendClient;
import dev.switchboard.core.backend.BackendException.Kind;
import dev.switchboard.core.protocol.JsonRpc;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code cancel()}: notifications/cancelled with the request's id, and the local wait ends with CANCELLED. */
class CancelTest extends BackendClientTestBase {
  private static final JsonObject ARGS = new JsonObject().put("name", "slow");

  private final Promise<Void> streamClosed = Promise.promise();

  /** tools/call streams one progress notification and then never answers. */
  @BeforeEach
  void slowTool() {
    backend.on("tools/call", (request, response) -> {
      response.closeHandler(v -> streamClosed.tryComplete());
      FakeBackend.sse(response).write(FakeBackend.event(JsonRpc.notification("notifications/progress",
        new JsonObject().put("progressToken", "p").put("progress", 1))));
    });
  }

  @Test
  void cancelSendsCancelledWithTheIdAndFailsTheRequestWithCancelled() throws Exception {
    BackendClient client = client();
    Promise<JsonObject> progressed = Promise.promise();
    Future<JsonObject> call = client.request(FakeBackend.SESSION_ID, "c-1", "tools/call", ARGS, progressed::tryComplete);
    await(progressed.future());

    await(client.cancel(FakeBackend.SESSION_ID, "c-1", "user pressed stop"));

    var failure = backendFailure(call, Kind.CANCELLED);
    assertThat(failure.getMessage()).contains("c-1").contains("user pressed stop");
    JsonObject params = await(backend.awaitMessage("notifications/cancelled")).body().getJsonObject("params");
    assertThat(params).isEqualTo(new JsonObject().put("requestId", "c-1").put("reason", "user pressed stop"));
    await(streamClosed.future());
  }

  @Test
  void cancelFindsARequestWithAGeneratedIdAndANumericId() throws Exception {
    BackendClient client = client();
    Future<JsonObject> generated = client.request(FakeBackend.SESSION_ID, "tools/call", ARGS);
    Object id = await(backend.awaitMessage("tools/call")).body().getValue("id");
    Future<JsonObject> numeric = client.request(FakeBackend.SESSION_ID, 17, "tools/call", ARGS, null);

    await(client.cancel(FakeBackend.SESSION_ID, id, null));
    await(client.cancel(FakeBackend.SESSION_ID, 17L, null));

    backendFailure(generated, Kind.CANCELLED);
    backendFailure(numeric, Kind.CANCELLED);
  }

  @Test
  void cancelOfARequestNotInFlightStillNotifiesTheBackend() throws Exception {
    await(client().cancel(FakeBackend.SESSION_ID, 99, "elsewhere"));

    FakeBackend.Received cancelled = await(backend.awaitMessage("notifications/cancelled"));
    assertThat(cancelled.body().getJsonObject("params").getValue("requestId")).isEqualTo(99);
    assertThat(cancelled.headers().get("Mcp-Session-Id")).isEqualTo(FakeBackend.SESSION_ID);
  }

  @Test
  void cancelOnlyAffectsTheNamedSession() throws Exception {
    BackendClient client = client();
    Promise<JsonObject> progressed = Promise.promise();
    Future<JsonObject> call = client.request(FakeBackend.SESSION_ID, "c-1", "tools/call", ARGS, progressed::tryComplete);
    await(progressed.future());

    await(client.cancel("another-session", "c-1", null));

    assertThat(call.isComplete()).isFalse();
    await(client.cancel(FakeBackend.SESSION_ID, "c-1", null));
    backendFailure(call, Kind.CANCELLED);
  }

  @Test
  void anIdAlreadyInFlightOnTheSessionIsRefusedUntilItsRequestEnds() throws Exception {
    BackendClient client = client();
    Future<JsonObject> first = client.request(FakeBackend.SESSION_ID, "dup", "tools/call", ARGS, null);

    Throwable refused = failure(client.request(FakeBackend.SESSION_ID, "dup", "tools/list", null, null));
    assertThat(refused).isInstanceOf(IllegalStateException.class).hasMessageContaining("dup");

    await(client.cancel(FakeBackend.SESSION_ID, "dup", null));
    backendFailure(first, Kind.CANCELLED);
    assertThat(await(client.request(FakeBackend.SESSION_ID, "dup", "tools/list", null, null)))
      .isEqualTo(new JsonObject().put("echo", "tools/list"));
  }

  @Test
  void timeoutCancelsWithTheExplicitId() throws Exception {
    var client = client(Duration.ofMillis(300), Map.of());

    backendFailure(client.request(FakeBackend.SESSION_ID, "client-42", "tools/call", ARGS, null), Kind.TIMEOUT);

    FakeBackend.Received cancelled = await(backend.awaitMessage("notifications/cancelled"));
    assertThat(cancelled.body().getJsonObject("params").getValue("requestId")).isEqualTo("client-42");
  }
}
