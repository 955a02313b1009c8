package dev.switchboard.transport.gateway;

import dev.switchboard.core.bus.ClientMessage;
import dev.switchboard.core.bus.CoreBus;
import dev.switchboard.core.bus.SessionContext;
import dev.switchboard.core.bus.StreamMessage;
import dev.switchboard.core.protocol.JsonRpc;
import dev.switchboard.core.protocol.McpException;
import dev.switchboard.core.protocol.McpMethod;
import dev.switchboard.core.protocol.ProtocolVersion;
import dev.switchboard.transport.observe.EndpointObserver;
import dev.switchboard.transport.session.LocalSession;
import dev.switchboard.transport.session.SessionManager;
import dev.switchboard.transport.stateless.InputBridge;
import dev.switchboard.transport.streamable.ErrorMapper;
import dev.switchboard.transport.streamable.JsonRpcMessage;
import dev.switchboard.transport.streamable.PostAnswer;
import dev.switchboard.transport.streamable.StreamRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Handles the messages of a known session: notifications and responses are accepted (202) and passed to core when
 * a backend must see them; {@code ping} is answered at once; every other request waits for the session's
 * registration and goes to core over the event bus ({@link PendingCalls}). Its answer is a {@link PostAnswer}: JSON,
 * or SSE once the backend streams something the client wants before the response.
 */
final class MessageDispatcher {
  private static final System.Logger LOG = System.getLogger(MessageDispatcher.class.getName());
  /** Bound on the resource URIs one session may subscribe to. */
  static final int MAX_SUBSCRIPTIONS = 1024;

  private final SessionManager sessions;
  private final CoreBus core;
  private final StreamRegistry streams;
  private final SessionChannels channels;
  private final PendingCalls calls;
  private final EndpointObserver observer;

  MessageDispatcher(Vertx vertx, SessionManager sessions, CoreBus core, StreamRegistry streams,
                    SessionChannels channels, PendingCalls calls) {
    this.sessions = sessions;
    this.core = core;
    this.streams = streams;
    this.channels = channels;
    this.calls = calls;
    this.observer = EndpointObserver.of(vertx);
  }

  /** Registration, preceded by what a session needs before it (its channel, for some clients). */
  private Future<SessionContext> registered(LocalSession session) {
    channels.beforeRegistration(session);
    return sessions.register(session);
  }

  /** One POSTed message: answers the HTTP request itself (JSON, SSE or 202). */
  Future<Void> dispatch(HttpServerRequest req, LocalSession session, JsonRpcMessage msg) {
    if (msg.kind() != JsonRpcMessage.Kind.REQUEST) {
      accept(session, msg);
      return req.response().setStatusCode(202).end();
    }
    PostAnswer answer = new PostAnswer(req.response(), streams, session.id(), session.protocolVersion(), 1, false);
    if (McpMethod.PING.equals(msg.method()) || McpMethod.INITIALIZE.equals(msg.method())) {
      return immediate(msg).andThen(ar -> observer.answered(msg.method(), ar, false)).map(response -> {
        answer.respond(response);
        return null;
      });
    }
    answer.onOverflow(() -> cancel(session, msg.id(), "the client reads the answer too slowly"));
    return call(session, msg, streamed -> relay(session, answer, streamed)).transform(ar -> {
      if (ar.succeeded()) {
        answer.respond(ar.result());
      } else if (answer.streaming()) {
        answer.respond(JsonRpc.errorResponse(msg.id(), ErrorMapper.errorObject(ar.cause())));
      } else {
        return Future.failedFuture(ar.cause());
      }
      return Future.succeededFuture();
    });
  }

  /** Cancels a request of the client's for it, as its {@code notifications/cancelled} would. */
  private void cancel(LocalSession session, Object requestId, String reason) {
    JsonObject cancelled = JsonRpc.notification(McpMethod.NOTIFICATION_CANCELLED,
      new JsonObject().put("requestId", requestId).put("reason", reason));
    registered(session).onSuccess(context -> core.clientMessage(new ClientMessage(context, cancelled)));
  }

  /** A message the backend streamed during a call: what the client wants, and the backend's pauses (polling). */
  private static void relay(LocalSession session, PostAnswer answer, StreamMessage message) {
    if (message.message() != null) {
      if (Notifications.wanted(session, message.message())) {
        answer.send(InputBridge.withoutKeyHint(message.message()));
      }
    }
    if (message.pause()) {
      answer.pause();
    }
  }

  /**
   * A JSON-RPC batch (2025-03-26 sessions only): completes with the array of responses, or null if none. Each element
   * is a {@link JsonRpcMessage} or the failure that rejects it, which becomes its own error response.
   */
  Future<JsonArray> dispatchBatch(LocalSession session, List<Object> batch) {
    if (!ProtocolVersion.allowsBatches(session.protocolVersion())) {
      throw new JsonRpcMessage.InvalidMessage(null,
        "Invalid Request: batches are only allowed for protocol version " + ProtocolVersion.V2025_03_26);
    }
    List<Future<JsonObject>> answers = new ArrayList<>(batch.size());
    for (Object element : batch) {
      answers.add(batchElement(session, element));
    }
    return Future.all(answers).map(all -> {
      JsonArray responses = new JsonArray();
      answers.forEach(f -> {
        if (f.result() != null) {
          responses.add(f.result());
        }
      });
      return responses.isEmpty() ? null : responses;
    });
  }

  private Future<JsonObject> batchElement(LocalSession session, Object element) {
    if (element instanceof McpException rejected) {
      Object id = rejected instanceof JsonRpcMessage.InvalidMessage invalid ? invalid.id() : null;
      return Future.succeededFuture(JsonRpc.errorResponse(id, rejected.toErrorObject()));
    }
    JsonRpcMessage msg = (JsonRpcMessage) element;
    if (msg.kind() != JsonRpcMessage.Kind.REQUEST) {
      accept(session, msg);
      return Future.succeededFuture();
    }
    Object id = msg.id();
    Future<JsonObject> answer = McpMethod.PING.equals(msg.method()) ? immediate(msg) : call(session, msg, null);
    return answer.recover(err -> err instanceof McpException
      ? Future.succeededFuture(JsonRpc.errorResponse(id, ErrorMapper.errorObject(err)))
      : Future.failedFuture(err));
  }

  private static Future<JsonObject> immediate(JsonRpcMessage msg) {
    if (McpMethod.INITIALIZE.equals(msg.method())) {
      return Future.failedFuture(new JsonRpcMessage.InvalidMessage(msg.id(),
        "Invalid Request: initialize must be the only message of its POST"));
    }
    return Future.succeededFuture(JsonRpc.response(msg.id(), new JsonObject()));
  }

  /** A notification or response: registration, or a message a backend must see. */
  private void accept(LocalSession session, JsonRpcMessage msg) {
    if (McpMethod.NOTIFICATION_INITIALIZED.equals(msg.method())) {
      registered(session).onFailure(err -> LOG.log(System.Logger.Level.WARNING,
        "registration of a session failed: {0}", err.getMessage()));
      return;
    }
    boolean forBackends = msg.kind() == JsonRpcMessage.Kind.RESPONSE
      || McpMethod.NOTIFICATION_CANCELLED.equals(msg.method())
      || McpMethod.NOTIFICATION_ROOTS_LIST_CHANGED.equals(msg.method());
    if (forBackends) {
      registered(session).onSuccess(context -> core.clientMessage(new ClientMessage(context, msg.json())));
    }
  }

  /** Sends a request to core; completes with its JSON-RPC response, or fails with what core failed with. */
  private Future<JsonObject> call(LocalSession session, JsonRpcMessage msg, Handler<StreamMessage> onMessage) {
    Context requestContext = Vertx.currentContext();
    return registered(session).compose(context -> onContext(requestContext, () ->
      calls.call(context, msg.id(), msg.method(), msg.params(), onMessage)).compose(reply -> {
        if (reply.backendSessions() != null) {
          sessions.backendSessionsChanged(session, context, reply.backendSessions());
        }
        if (reply.failure() != null) {
          return Future.failedFuture(reply.failure());
        }
        remember(session, msg);
        return Future.succeededFuture(JsonRpc.response(msg.id(), reply.result()));
      })).andThen(ar -> observer.answered(msg.method(), ar, false));
  }

  /**
   * Runs {@code action} on the request's context: a registration that completes later completes on another
   * request's context, and the call must carry its own request's context (its trace, see
   * {@code dev.switchboard.core.trace}) to core.
   */
  private static <T> Future<T> onContext(Context requestContext, Supplier<Future<T>> action) {
    if (requestContext == null || Vertx.currentContext() == requestContext) {
      return action.get();
    }
    Promise<T> promise = Promise.promise();
    requestContext.runOnContext(v -> action.get().onComplete(promise));
    return promise.future();
  }

  /** What the session must remember of a successful request: its log level, its subscriptions. */
  private static void remember(LocalSession session, JsonRpcMessage msg) {
    JsonObject params = msg.params() == null ? new JsonObject() : msg.params();
    switch (msg.method()) {
      case McpMethod.LOGGING_SET_LEVEL -> session.logLevel(params.getString("level"));
      case McpMethod.RESOURCES_SUBSCRIBE -> {
        if (session.subscriptions().size() < MAX_SUBSCRIPTIONS) {
          session.subscriptions().add(params.getString("uri"));
        }
      }
      case McpMethod.RESOURCES_UNSUBSCRIBE -> session.subscriptions().remove(params.getString("uri"));
      default -> {
      }
    }
  }
}
