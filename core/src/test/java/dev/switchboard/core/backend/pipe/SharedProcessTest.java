package dev.switchboard.core.backend.pipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.backend.BackendClient;
import dev.switchboard.core.backend.BackendClients;
import dev.switchboard.core.backend.BackendException;
import dev.switchboard.core.backend.BackendSession;
import dev.switchboard.core.backend.SupervisedBackend;
import dev.switchboard.core.backend.stdio.SessionMode;
import dev.switchboard.core.backend.stdio.StdioOptions;
import dev.switchboard.core.protocol.JsonRpc;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One shared stub process behind two virtual sessions: the multiplexing (ids, progress tokens, cancellations,
 * subscriptions, log levels, server-to-client requests), bad lines, and a crash with its restart.
 */
@ExtendWith(VertxExtension.class)
class SharedProcessTest {
  static final long WAIT = 10;
  private static final JsonObject INFO = new JsonObject().put("name", "switchboard").put("version", "test");
  private static final JsonObject SAMPLING = new JsonObject().put("sampling", new JsonObject());

  BackendClient client;
  String a;
  String b;

  @BeforeEach
  void open(Vertx vertx) throws Exception {
    client = BackendClients.create(vertx, StubProcess.shared(), false);
    a = await(client.open(INFO, SAMPLING)).sessionId();
    b = await(client.open(INFO, SAMPLING)).sessionId();
  }

  @AfterEach
  void shutdown() throws Exception {
    await(client.shutdown());
  }

  @Test
  void twoSessionsShareOneProcessUnderDistinctSessionIds() throws Exception {
    StdioBackendClient stdio = (StdioBackendClient) client;

    assertThat(a).isNotEqualTo(b);
    assertThat(await(stdio.pid(a))).isPositive().isEqualTo(await(stdio.pid(b)));
    assertThat(await(stdio.processCount())).isEqualTo(1);
  }

  @Test
  void sameCallerIdFromTwoSessionsGetsTwoPipeIds() throws Exception {
    Future<JsonObject> first = call(a, 1, "tools/call", tool("hold", new JsonObject().put("ms", 200)), null);
    Future<JsonObject> second = call(b, 1, "tools/call", tool("echo", new JsonObject().put("text", "x")),
      null);

    assertThat(text(await(first))).isEqualTo("held");
    assertThat(new JsonObject(text(await(second))).getString("echo")).isEqualTo("x");
    JsonArray ids = seen().getJsonArray("ids");
    assertThat(ids.stream().distinct().count()).isEqualTo(ids.size());
  }

  @Test
  void manyConcurrentCallsFromManySessionsEachGetTheirOwnAnswer() throws Exception {
    List<String> sessions = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      sessions.add(await(client.open(INFO, new JsonObject())).sessionId());
    }
    List<Future<JsonObject>> calls = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      calls.add(call(sessions.get(i % sessions.size()), i / sessions.size(), "tools/call",
        tool("echo", new JsonObject().put("text", "call-" + i)), null));
    }

    for (int i = 0; i < calls.size(); i++) {
      assertThat(new JsonObject(text(await(calls.get(i)))).getString("echo")).isEqualTo("call-" + i);
    }
  }

  @Test
  void progressTokensAreUniqueOnThePipeAndMappedBackPerSession() throws Exception {
    List<JsonObject> toA = new CopyOnWriteArrayList<>();
    List<JsonObject> toB = new CopyOnWriteArrayList<>();
    JsonObject params = tool("progress", new JsonObject().put("steps", 3))
      .put("_meta", new JsonObject().put("progressToken", "same"));
    Future<JsonObject> first = call(a, "tools/call", params, toA::add);
    Future<JsonObject> second = call(b, "tools/call", params.copy(), toB::add);
    await(first);
    await(second);

    assertThat(toA).hasSize(3).allSatisfy(m -> assertThat(m.getJsonObject("params").getValue("progressToken"))
      .isEqualTo("same"));
    assertThat(toB).hasSize(3).allSatisfy(m -> assertThat(m.getJsonObject("params").getValue("progressToken"))
      .isEqualTo("same"));
    JsonArray tokens = seen().getJsonArray("tokens");
    assertThat(tokens).hasSize(2).doesNotContain("same");
    assertThat(tokens.getValue(0)).isNotEqualTo(tokens.getValue(1));
  }

  @Test
  void serverRequestGoesToTheOnlySessionWithACallInFlight() throws Exception {
    BlockingQueue<JsonObject> toA = new LinkedBlockingQueue<>();
    Future<JsonObject> sampled = call(a, "tools/call", tool("sample", new JsonObject()), toA::add);
    JsonObject request = toA.poll(WAIT, TimeUnit.SECONDS);
    assertThat(request.getString("method")).isEqualTo("sampling/createMessage");

    await(client.send(a, JsonRpc.response(request.getValue("id"), new JsonObject().put("model", "from-a"))));

    assertThat(text(await(sampled))).contains("from-a");
  }

  @Test
  void serverRequestWhileTwoSessionsHaveCallsInFlightIsRefused() throws Exception {
    List<JsonObject> toA = new CopyOnWriteArrayList<>();
    Future<JsonObject> holding = call(b, "tools/call", tool("hold", new JsonObject().put("ms", 1000)),
      m -> { });
    JsonObject sampled = await(call(a, "tools/call", tool("sample", new JsonObject()), toA::add));

    assertThat(text(sampled)).contains("-32600").contains("the calls of 2 client sessions are in flight");
    assertThat(toA).isEmpty();
    await(holding);
  }

  @Test
  void serverRequestForAFeatureTheClientDidNotDeclareIsRefused(Vertx vertx) throws Exception {
    String plain = await(client.open(INFO, new JsonObject())).sessionId();

    JsonObject sampled = await(call(plain, "tools/call", tool("sample", new JsonObject()), m -> { }));

    assertThat(text(sampled)).contains("did not declare the 'sampling' capability");
  }

  @Test
  void answerFromAnotherSessionIsNotPassedOn() throws Exception {
    BlockingQueue<JsonObject> toA = new LinkedBlockingQueue<>();
    Future<JsonObject> sampled = call(a, "tools/call", tool("sample", new JsonObject()), toA::add);
    JsonObject request = toA.poll(WAIT, TimeUnit.SECONDS);

    await(client.send(b, JsonRpc.response(request.getValue("id"), new JsonObject().put("model", "from-b"))));
    await(client.send(a, JsonRpc.response(request.getValue("id"), new JsonObject().put("model", "from-a"))));

    assertThat(text(await(sampled))).contains("from-a").doesNotContain("from-b");
  }

  @Test
  void cancellationReachesOnlyTheCancelledSessionsRequest() throws Exception {
    Future<JsonObject> first = call(a, 7, "tools/call", tool("hold", new JsonObject().put("ms", 800)), null);
    Future<JsonObject> second = call(b, 7, "tools/call", tool("hold", new JsonObject().put("ms", 800)), null);
    await(call(a, "tools/call", tool("echo", new JsonObject()), null));

    await(client.cancel(a, 7, "user"));

    assertThatThrownBy(() -> await(first)).isInstanceOfSatisfying(BackendException.class,
      e -> assertThat(e.kind()).isEqualTo(BackendException.Kind.CANCELLED));
    assertThat(text(await(second))).isEqualTo("held");
    JsonObject seen = seen();
    assertThat(seen.getJsonArray("cancelled")).containsExactly(seen.getJsonArray("ids").getValue(1));
  }

  @Test
  void subscriptionsAreReferenceCounted() throws Exception {
    JsonObject uri = new JsonObject().put("uri", "stub://r");
    await(call(a, "resources/subscribe", uri));
    await(call(b, "resources/subscribe", uri));
    await(call(a, "resources/unsubscribe", uri));
    assertThat(seen().getJsonArray("unsubscribe")).isEmpty();

    await(call(b, "resources/unsubscribe", uri));

    JsonObject seen = seen();
    assertThat(seen.getJsonArray("subscribe")).containsExactly("stub://r");
    assertThat(seen.getJsonArray("unsubscribe")).containsExactly("stub://r");
  }

  @Test
  void resourceUpdatesReachOnlySubscribedSessions() throws Exception {
    BlockingQueue<JsonObject> toA = new LinkedBlockingQueue<>();
    List<JsonObject> toB = new CopyOnWriteArrayList<>();
    await(client.listen(a, toA::add));
    await(client.listen(b, toB::add));
    await(call(a, "resources/subscribe", new JsonObject().put("uri", "stub://r")));

    await(call(b, "tools/call", tool("notify", new JsonObject().put("method",
      "notifications/resources/updated").put("params", new JsonObject().put("uri", "stub://r")))));

    assertThat(toA.poll(WAIT, TimeUnit.SECONDS).getString("method")).isEqualTo("notifications/resources/updated");
    await(call(b, "tools/call", tool("echo", new JsonObject())));
    assertThat(toB).isEmpty();
  }

  @Test
  void logLevelIsTheMostVerboseAskedAndFilteredPerSession() throws Exception {
    BlockingQueue<JsonObject> toB = new LinkedBlockingQueue<>();
    List<JsonObject> toA = new CopyOnWriteArrayList<>();
    await(client.listen(a, toA::add));
    await(client.listen(b, toB::add));
    await(call(a, "logging/setLevel", new JsonObject().put("level", "error")));
    await(call(b, "logging/setLevel", new JsonObject().put("level", "debug")));
    await(call(a, "logging/setLevel", new JsonObject().put("level", "warning")));

    await(call(a, "tools/call", tool("notify", new JsonObject().put("method", "notifications/message")
      .put("params", new JsonObject().put("level", "info").put("data", "hello")))));

    assertThat(toB.poll(WAIT, TimeUnit.SECONDS).getJsonObject("params").getString("data")).isEqualTo("hello");
    assertThat(seen().getJsonArray("levels")).containsExactly("error", "debug");
    assertThat(toA).isEmpty();
  }

  @Test
  void listChangedReachesEveryListeningSession() throws Exception {
    BlockingQueue<JsonObject> toA = new LinkedBlockingQueue<>();
    BlockingQueue<JsonObject> toB = new LinkedBlockingQueue<>();
    await(client.listen(a, toA::add));
    await(client.listen(b, toB::add));

    await(call(a, "tools/call", tool("notify", new JsonObject().put("method",
      "notifications/tools/list_changed"))));

    assertThat(toA.poll(WAIT, TimeUnit.SECONDS).getString("method")).isEqualTo("notifications/tools/list_changed");
    assertThat(toB.poll(WAIT, TimeUnit.SECONDS).getString("method")).isEqualTo("notifications/tools/list_changed");
  }

  @Test
  void elicitationCompletionReachesOnlyTheSessionThatWasAsked(Vertx vertx) throws Exception {
    JsonObject elicitation = new JsonObject().put("elicitation", new JsonObject());
    String asked = await(client.open(INFO, elicitation)).sessionId();
    BlockingQueue<JsonObject> toAsked = new LinkedBlockingQueue<>();
    List<JsonObject> toB = new CopyOnWriteArrayList<>();
    await(client.listen(asked, toAsked::add));
    await(client.listen(b, toB::add));
    BlockingQueue<JsonObject> calls = new LinkedBlockingQueue<>();
    Future<JsonObject> elicited = call(asked, "tools/call", tool("sample", new JsonObject()
      .put("method", "elicitation/create").put("params", new JsonObject().put("mode", "url")
        .put("elicitationId", "e-1").put("url", "https://example.com/consent").put("message", "consent"))),
      calls::add);
    JsonObject request = calls.poll(WAIT, TimeUnit.SECONDS);
    await(client.send(asked, JsonRpc.response(request.getValue("id"), new JsonObject().put("action", "accept"))));
    await(elicited);

    await(call(b, "tools/call", tool("notify", new JsonObject().put("method",
      "notifications/elicitation/complete").put("params", new JsonObject().put("elicitationId", "e-1")))));

    assertThat(toAsked.poll(WAIT, TimeUnit.SECONDS).getString("method")).isEqualTo(
      "notifications/elicitation/complete");
    await(call(b, "tools/call", tool("notify", new JsonObject().put("method", "notifications/custom"))));
    await(call(b, "tools/call", tool("echo", new JsonObject())));
    assertThat(toB).isEmpty();
    assertThat(toAsked).isEmpty();
  }

  @Test
  void closedSessionIsUnknownAfterwards() throws Exception {
    await(client.close(a));

    assertThatThrownBy(() -> await(call(a, "tools/list", null))).isInstanceOfSatisfying(
      BackendException.class, e -> assertThat(e.kind()).isEqualTo(BackendException.Kind.SESSION_EXPIRED));
    assertThat(await(call(b, "tools/list", null)).getJsonArray("tools")).isNotEmpty();
  }

  @Test
  void closingASessionCancelsItsCallsInFlight() throws Exception {
    BlockingQueue<JsonObject> toA = new LinkedBlockingQueue<>();
    Future<JsonObject> waiting = call(a, 9, "tools/call", tool("sample", new JsonObject()), toA::add);
    assertThat(toA.poll(WAIT, TimeUnit.SECONDS)).isNotNull();

    await(client.close(a));

    assertThatThrownBy(() -> await(waiting)).isInstanceOfSatisfying(BackendException.class,
      e -> assertThat(e.kind()).isEqualTo(BackendException.Kind.CANCELLED));
    JsonObject seen = new JsonObject(text(await(call(b, "tools/call", tool("seen", new JsonObject()), null))));
    assertThat(seen.getJsonArray("cancelled")).hasSize(1);
  }

  @Test
  void callWithNoAnswerTimesOutAndTheProcessIsTold(Vertx vertx) throws Exception {
    await(client.shutdown());
    client = BackendClients.create(vertx, StubProcess.shared(Duration.ofMillis(300)), false);
    String session = await(client.open(INFO, SAMPLING)).sessionId();

    Future<JsonObject> held = call(session, 4, "tools/call", tool("hold", new JsonObject().put("ms", 3000)), null);

    assertThatThrownBy(() -> await(held)).isInstanceOfSatisfying(BackendException.class,
      e -> assertThat(e.kind()).isEqualTo(BackendException.Kind.TIMEOUT));
    JsonObject seen = new JsonObject(text(await(call(session, "tools/call", tool("seen", new JsonObject()), null))));
    assertThat(seen.getJsonArray("cancelled")).hasSize(1);
  }

  @Test
  void crashedProcessIsRestartedAndReportedDownThenUp() throws Exception {
    BlockingQueue<String> availability = new LinkedBlockingQueue<>();
    BlockingQueue<JsonObject> toA = new LinkedBlockingQueue<>();
    ((SupervisedBackend) client).watchAvailability(new SupervisedBackend.AvailabilityListener() {
      @Override
      public void down(Throwable cause) {
        availability.add("down: " + cause.getMessage());
      }

      @Override
      public void up() {
        availability.add("up");
      }
    });
    await(client.listen(a, toA::add));
    long before = await(((StdioBackendClient) client).pid(a));

    Future<JsonObject> crash = call(a, "tools/call", tool("exit", new JsonObject()), null);

    assertThatThrownBy(() -> await(crash)).isInstanceOfSatisfying(BackendException.class,
      e -> assertThat(e.kind()).isEqualTo(BackendException.Kind.UNREACHABLE));
    assertThat(availability.poll(WAIT, TimeUnit.SECONDS)).contains("down").contains("code 3");
    assertThat(toA.poll(WAIT, TimeUnit.SECONDS).getString("method")).isEqualTo("notifications/tools/list_changed");
    assertThat(availability.poll(WAIT, TimeUnit.SECONDS)).isEqualTo("up");
    assertThat(toA.poll(WAIT, TimeUnit.SECONDS).getString("method")).isEqualTo("notifications/tools/list_changed");
    assertThat(await(((StdioBackendClient) client).pid(a))).isNotEqualTo(before);
    assertThat(await(call(a, "tools/list", null)).getJsonArray("tools")).isNotEmpty();
  }

  Future<JsonObject> call(String session, String method, JsonObject params) {
    return call(session, null, method, params, null);
  }

  Future<JsonObject> call(String session, String method, JsonObject params, Handler<JsonObject> onMessage) {
    return call(session, null, method, params, onMessage);
  }

  /** Sends a request from the test's thread, so that it hops onto the client's context (the subclass: from a loop). */
  Future<JsonObject> call(String session, Object id, String method, JsonObject params, Handler<JsonObject> onMessage) {
    return client.request(session, id, method, params, onMessage);
  }

  private JsonObject seen() throws Exception {
    return new JsonObject(text(await(call(a, "tools/call", tool("seen", new JsonObject()), null))));
  }

  static JsonObject tool(String name, JsonObject arguments) {
    return new JsonObject().put("name", name).put("arguments", arguments);
  }

  static String text(JsonObject result) {
    return result.getJsonArray("content").getJsonObject(0).getString("text");
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.await(WAIT, TimeUnit.SECONDS);
  }

}
