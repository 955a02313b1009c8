package dev.switchboard.core.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.backend.BackendException;
import dev.switchboard.core.backend.StreamObserver;
import dev.switchboard.core.bus.CallEvent;
import dev.switchboard.core.bus.ClientSession;
import dev.switchboard.core.bus.CoreBus;
import dev.switchboard.core.bus.CoreCall;
import dev.switchboard.core.bus.CoreReply;
import dev.switchboard.core.bus.Identity;
import dev.switchboard.core.bus.SessionContext;
import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.core.catalog.BackendCatalog;
import dev.switchboard.core.fairness.CallPermits;
import dev.switchboard.core.metrics.impl.NoopGatewayMetrics;
import dev.switchboard.core.protocol.JsonRpcError;
import dev.switchboard.core.protocol.McpException;
import dev.switchboard.testkit.Awaits;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Routing of one client request in core: answered from the view, or sent to the backend that owns it. */
@ExtendWith(VertxExtension.class)
class CallRouterTest {
  private static final String REPLY_TO = "test.call.events";

  private final ScriptedBackend alpha = new ScriptedBackend("alpha");
  private final ScriptedBackend beta = new ScriptedBackend("beta");
  private final List<CallEvent> events = new CopyOnWriteArrayList<>();
  private final AtomicLong callIds = new AtomicLong();
  private CallRouter router;
  private SessionContext session;

  @BeforeEach
  void router(Vertx vertx) {
    CoreBus.registerCodecs(vertx);
    vertx.eventBus().<CallEvent>localConsumer(REPLY_TO, msg -> events.add(msg.body())).completion().await();
    BackendRegistry registry = new BackendRegistry(vertx, List.of(alpha, beta), new JsonObject().put("name", "gw"),
      NoopGatewayMetrics.INSTANCE);
    ViewBuilder views = new ViewBuilder(AggregationOptions.defaults());
    SessionOpener opener = new SessionOpener(registry, views, new CatalogCache(Duration.ofMinutes(1), 100));
    router = new CallRouter(registry, opener, new StreamRelay(new CoreBus(vertx, Duration.ofSeconds(5))),
      new CallPermits(64, 50));
    JsonObject echo = new JsonObject().put("name", "echo").put("inputSchema", new JsonObject().put("type", "object"));
    session = new SessionContext(new ClientSession("s1", Identity.ANONYMOUS, "2025-11-25", new JsonObject(),
      new JsonObject()), Map.of("alpha", StoredIds.toStored("alpha-s"), "beta", StoredIds.toStored("beta-s")),
      views.build(List.of(new BackendCatalog("alpha", List.of(echo), null, null, null),
        new BackendCatalog("beta", List.of(echo), null, null, null))));
  }

  private CoreCall call(Object id, String method, JsonObject params) {
    return new CoreCall(session, id, method, params, REPLY_TO, callIds.incrementAndGet(), true);
  }

  private static JsonObject toolCall(String name) {
    return new JsonObject().put("name", name).put("arguments", new JsonObject().put("text", "hi"));
  }

  private Future<CoreReply> route(CoreCall call) {
    try {
      return router.route(call);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private Throwable failureOf(CoreCall call) throws Exception {
    return route(call).map(r -> (Throwable) null).otherwise(e -> e).await(5, TimeUnit.SECONDS);
  }

  @Test
  void aListIsAnsweredFromTheViewWithoutAskingABackend() throws Exception {
    CoreReply reply = route(call(1, "tools/list", null)).await(5, TimeUnit.SECONDS);

    assertThat(reply.result().getJsonArray("tools").stream().map(t -> ((JsonObject) t).getString("name")))
      .containsExactly("alpha_echo", "beta_echo");
    assertThat(alpha.sent()).isEmpty();
    assertThat(beta.sent()).isEmpty();
  }

  @Test
  void aToolCallGoesToItsBackendUnderTheBackendsNameAndTheClientsId() throws Exception {
    beta.answering(sent -> new JsonObject().put("content", List.of()));

    route(call(7, "tools/call", toolCall("beta_echo"))).await(5, TimeUnit.SECONDS);

    assertThat(alpha.sent()).isEmpty();
    assertThat(beta.sent()).singleElement().satisfies(sent -> {
      assertThat(sent.sessionId()).isEqualTo("beta-s");
      assertThat(sent.requestId()).isEqualTo(7);
      assertThat(sent.params().getString("name")).isEqualTo("echo");
      assertThat(sent.params().getJsonObject("arguments").getString("text")).isEqualTo("hi");
    });
  }

  @Test
  void whatTheBackendStreamsGoesBackOnTheCallsPathWithServerRequestIdsMinted() throws Exception {
    alpha.answering((sent, onMessage) -> {
      onMessage.handle(new JsonObject().put("jsonrpc", "2.0").put("method", "notifications/progress"));
      onMessage.handle(new JsonObject().put("jsonrpc", "2.0").put("id", 3).put("method", "roots/list"));
      return Future.succeededFuture(new JsonObject());
    });
    CoreCall call = call(8, "tools/call", toolCall("alpha_echo"));

    route(call).await(5, TimeUnit.SECONDS);

    Awaits.until(() -> events.size() == 2);
    assertThat(events).allSatisfy(e -> assertThat(e.callId()).isEqualTo(call.callId()));
    assertThat(events.get(0).message().message().getString("method")).isEqualTo("notifications/progress");
    assertThat(events.get(1).message().message().getString("id")).isEqualTo(ServerRequestIds.mint("alpha", 3));
  }

  @Test
  void aBackendsPauseForPollingReachesTheCallsPath() throws Exception {
    alpha.answering((sent, onMessage) -> {
      assertThat(onMessage).as("the handler the backend client sees observes pauses").isInstanceOf(StreamObserver.class);
      ((StreamObserver) onMessage).paused();
      onMessage.handle(new JsonObject().put("jsonrpc", "2.0").put("method", "notifications/tools/list_changed"));
      return Future.succeededFuture(new JsonObject());
    });
    CoreCall call = call(9, "tools/call", toolCall("alpha_echo"));

    route(call).await(5, TimeUnit.SECONDS);

    Awaits.until(() -> events.size() == 2);
    assertThat(events.get(0).message().pause()).isTrue();
    assertThat(events.get(1).message().message().getString("method")).isEqualTo("notifications/tools/list_changed");
  }

  @Test
  void anUnknownToolIsInvalidParamsAndReachesNoBackend() throws Exception {
    Throwable failure = failureOf(call(1, "tools/call", toolCall("gamma_echo")));

    assertThat(((McpException) failure).code()).isEqualTo(JsonRpcError.INVALID_PARAMS);
    assertThat(alpha.sent()).isEmpty();
    assertThat(beta.sent()).isEmpty();
  }

  @Test
  void aBackendThatFailsGivesAToolResultNamingIt() throws Exception {
    alpha.answering((sent, onMessage) -> Future.failedFuture(
      new BackendException("alpha", BackendException.Kind.UNREACHABLE, "connection refused")));

    CoreReply reply = route(call(1, "tools/call", toolCall("alpha_echo"))).await(5, TimeUnit.SECONDS);

    assertThat(reply.result().getBoolean("isError")).isTrue();
    assertThat(reply.result().encode()).contains("alpha");
  }

  @Test
  void aForgottenBackendSessionIsRenewedOnceAndTheNewOneReported() throws Exception {
    alpha.answering((sent, onMessage) -> sent.sessionId().equals("alpha-s")
      ? Future.failedFuture(new BackendException("alpha", BackendException.Kind.SESSION_EXPIRED, "404"))
      : Future.succeededFuture(new JsonObject().put("content", List.of())));

    CoreReply reply = route(call(1, "tools/call", toolCall("alpha_echo"))).await(5, TimeUnit.SECONDS);

    assertThat(alpha.sessionsOpened()).isEqualTo(1);
    assertThat(reply.failure()).isNull();
    assertThat(StoredIds.fromStored(reply.backendSessions().get("alpha"))).isEqualTo("alpha-session-1");
    assertThat(reply.backendSessions()).containsEntry("beta", StoredIds.toStored("beta-s"));
  }

  @Test
  void anIdAlreadyRunningInTheSessionIsInvalidRequest() throws Exception {
    Promise<JsonObject> hanging = Promise.promise();
    alpha.answering((sent, onMessage) -> hanging.future());
    Future<CoreReply> first = route(call(5, "tools/call", toolCall("alpha_echo")));

    Throwable second = failureOf(call(5, "tools/call", toolCall("alpha_echo")));

    assertThat(((McpException) second).code()).isEqualTo(JsonRpcError.INVALID_REQUEST);
    hanging.complete(new JsonObject());
    assertThat(first.await(5, TimeUnit.SECONDS).failure()).isNull();
  }
}
