package dev.switchboard.transport.stateless;

import dev.switchboard.core.bus.CoreBus;
import dev.switchboard.core.bus.CoreReply;
import dev.switchboard.core.bus.Identity;
import dev.switchboard.core.bus.SessionContext;
import dev.switchboard.core.bus.StreamMessage;
import dev.switchboard.core.protocol.McpMethod;
import dev.switchboard.core.protocol.StatelessEnvelope;
import dev.switchboard.transport.ServerDescription;
import dev.switchboard.transport.auth.Caller;
import dev.switchboard.transport.limits.LimitsOptions;
import dev.switchboard.transport.observe.EndpointObserver;
import dev.switchboard.transport.streamable.JsonRpcMessage;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves the stateless era (MCP 2026-07-28) on the gateway's endpoint, one validated request at a time
 * ({@link StatelessRequest}): {@code server/discover} is answered here; {@code subscriptions/listen} opens a
 * {@link ListenStreams} stream; every other method is routed to core like a session's request, on the backend sessions
 * held for the caller ({@link HeldSessions}), as a {@link BridgedCall} that can ask the client for input across
 * retries. Results are stamped for the stateless era ({@link StatelessResults}). One per transport verticle.
 */
public final class StatelessEndpoint {
  /** The reserved keys of a stateless request's {@code _meta}, not passed on to session-era backends. */
  private static final Set<String> ENVELOPE = Set.of(StatelessEnvelope.META_PROTOCOL_VERSION,
    StatelessEnvelope.META_CLIENT_CAPABILITIES, StatelessEnvelope.META_CLIENT_INFO, StatelessEnvelope.META_LOG_LEVEL);
  private static final AtomicLong REQUEST_IDS = new AtomicLong();

  /** Sends a call to core; the verticle's one path for calls ({@code PendingCalls}). */
  @FunctionalInterface
  public interface Calls {
    Future<CoreReply> call(SessionContext session, Object requestId, String method, JsonObject params,
                           Handler<StreamMessage> onMessage);
  }

  /** What the transport verticles of one process share. */
  public record Shared(HeldSessions held, InputBridge bridge, ListenStreams listens) {
    /**
     * @param limits the size bounds of client data ({@code limits:})
     * @param link   the other instances that share the session store (retries of calls held elsewhere)
     */
    public static Shared create(Vertx vertx, CoreBus core, StatelessOptions options, LimitsOptions limits,
                                InstanceLink link) {
      return new Shared(new HeldSessions(vertx, core, options, limits), new InputBridge(vertx, options, link),
        new ListenStreams(vertx, options));
    }

    public void close() {
      bridge.close();
      held.close();
    }
  }

  private final Shared shared;
  private final CoreBus core;
  private final Calls calls;
  private final StatelessResults results;
  private final EndpointObserver observer;
  private final long maxBufferedBytes;

  public StatelessEndpoint(Vertx vertx, Shared shared, CoreBus core, Calls calls, ServerDescription server,
                           long maxBufferedBytes) {
    this.shared = shared;
    this.core = core;
    this.calls = calls;
    this.results = new StatelessResults(server, shared.held().options().listTtl().toMillis());
    shared.bridge().results(results);
    this.observer = EndpointObserver.of(vertx);
    this.maxBufferedBytes = maxBufferedBytes;
  }

  /** A POSTed stateless message; throws (or fails) with what {@code ErrorMapper} answers, given the request's id. */
  public Future<Void> handle(HttpServerRequest req, JsonRpcMessage msg, Caller caller) {
    StatelessRequest request = StatelessRequest.of(req.headers(), msg);
    if (msg.kind() != JsonRpcMessage.Kind.REQUEST) {
      // a stateless notification (e.g. cancellation) has nothing to act on: a request ends when its POST is closed
      return req.response().setStatusCode(202).end();
    }
    boolean privateScope = !Identity.ANONYMOUS.equals(caller.identity());
    String method = request.method();
    if (McpMethod.SERVER_DISCOVER.equals(method)) {
      StatelessAnswer answer = new PostedAnswer(req, request.id(), maxBufferedBytes);
      answer.result(results.discover(privateScope));
      observer.answered(method, Future.succeededFuture(), false);
      return Future.succeededFuture();
    }
    if (McpMethod.SUBSCRIPTIONS_LISTEN.equals(method)) {
      HeldSession held = shared.held().acquire(caller.identity(), request.capabilities(), request.clientInfo());
      try {
        shared.listens().listen(req, request, held, results, maxBufferedBytes, this::subscribe);
      } catch (RuntimeException e) {
        held.release(System.nanoTime());
        throw e;
      }
      return Future.succeededFuture();
    }
    StatelessAnswer answer = new PostedAnswer(req, request.id(), maxBufferedBytes);
    if (request.params().containsKey("requestState") && StatelessResults.MAY_REQUIRE_INPUT.contains(method)) {
      shared.bridge().resume(request, caller.identity(), answer);
      return Future.succeededFuture();
    }
    HeldSession held = shared.held().acquire(caller.identity(), request.capabilities(), request.clientInfo());
    return held.context().compose(context -> {
      Object backendId = "sl-" + REQUEST_IDS.incrementAndGet();
      BridgedCall call;
      try {
        call = shared.bridge().register(k -> new BridgedCall(k, shared.bridge(), core, context, held, backendId,
          request, answer, privateScope));
      } catch (RuntimeException e) {
        held.release(System.nanoTime());
        return Future.failedFuture(e);
      }
      answer.onGone(() -> call.clientGone(answer));
      calls.call(context, backendId, method, forwarded(request.params()), call::onMessage)
        .andThen(ar -> observer.answered(method, ar, false))
        .onComplete(call::onReply);
      return Future.<Void>succeededFuture();
    }, err -> {
      held.release(System.nanoTime());
      return Future.failedFuture(err);
    });
  }

  /** Subscribes a held set to a resource (or unsubscribes it) on the backend that owns the URI. */
  private Future<Void> subscribe(HeldSession held, String uri, boolean on) {
    return held.context().compose(context -> calls.call(context, "sl-" + REQUEST_IDS.incrementAndGet(),
        on ? McpMethod.RESOURCES_SUBSCRIBE : McpMethod.RESOURCES_UNSUBSCRIBE, new JsonObject().put("uri", uri), null))
      .compose(reply -> reply.failure() == null ? Future.succeededFuture() : Future.failedFuture(reply.failure()));
  }

  /**
   * The params a session-era backend gets: without the stateless envelope and the input round's fields. A shallow
   * copy: the arguments are passed on as they are.
   */
  static JsonObject forwarded(JsonObject params) {
    JsonObject copy = new JsonObject(new LinkedHashMap<>(params.getMap()));
    copy.remove("inputResponses");
    copy.remove("requestState");
    if (copy.getValue("_meta") instanceof JsonObject meta) {
      JsonObject rest = new JsonObject(new LinkedHashMap<>(meta.getMap()));
      ENVELOPE.forEach(rest::remove);
      if (rest.isEmpty()) {
        copy.remove("_meta");
      } else {
        copy.put("_meta", rest);
      }
    }
    return copy;
  }
}
