package dev.switchboard.transport.endpoint;

import dev.switchboard.core.bus.ClientMessage;
import dev.switchboard.core.bus.CoreBus;
import dev.switchboard.core.bus.CoreCall;
import dev.switchboard.core.bus.CoreReply;
import dev.switchboard.core.bus.StreamMessage;
import dev.switchboard.core.protocol.JsonRpc;
import dev.switchboard.core.protocol.McpException;
import dev.switchboard.core.protocol.McpMethod;
import dev.switchboard.core.protocol.ProtocolVersion;
import dev.switchboard.transport.observe.EndpointObserver;
import dev.switchboard.transport.session.LocalSession;
import dev.switchboard.transport.session.SessionIdManager;
import dev.switchboard.transport.stream.StreamRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Handles the messages of a known session: notifications and responses are accepted (202) and passed to core when
 * a backend must see them; {@code ping} is answered at once; every other request waits for the session's
 * registration and goes to core over the event bus, its answer streamed when the backend streams.
 */
final class MessageDispatcher {
  private static final System.Logger LOG = System.getLogger(MessageDispatcher.class.getName());
  private static final AtomicLong STREAM_ADDRESSES = new AtomicLong();
  /** Bound on the resource URIs one session may subscribe to. */
  static final int MAX_SUBSCRIPTIONS = 1024;

  private final Vertx vertx;
  private final SessionIdManager sessions;
  private final CoreBus core;
  private final StreamRegistry streams;
  private final SessionChannels channels;
  private final EndpointObserver observer;

  MessageDispatcher(Vertx vertx, SessionIdManager sessions, CoreBus core, StreamRegistry streams,
                    SessionChannels channels) {
    this.vertx = vertx;
    this.sessions = sessions;
    this.core = core;
    this.streams = streams;
    this.channels = channels;
    this.observer = EndpointObserver.of(vertx);
  }

  /** Registration, preceded by what a session needs before it (its channel, for some clients). */
  private Future<dev.switchboard.core.bus.SessionContext> registered(LocalSession session) {
    channels.beforeRegistration(session);
    return sessions.register(session);
  }

  /** One POSTed message: answers the HTTP request itself (JSON, SSE or 202). */
  Future<Void> dispatch(HttpServerRequest req, LocalSession session, IncomingMessage msg) {
    if (msg.kind() != IncomingMessage.Kind.REQUEST) {
      accept(session, msg);
      return req.response().setStatusCode(202).end();
    }
    if (McpMethod.PING.equals(msg.method()) || McpMethod.INITIALIZE.equals(msg.method())) {
      return immediate(msg).andThen(ar -> observer.answered(msg.method(), ar, false)).compose(response -> new PostExchange(req, session, streams, vertx.getOrCreateContext())
        .complete(response));
    }
    Context context = vertx.getOrCreateContext();
    PostExchange exchange = new PostExchange(req, session, streams, context);
    String address = "switchboard.stream." + STREAM_ADDRESSES.incrementAndGet();
    MessageConsumer<StreamMessage> consumer = vertx.eventBus().localConsumer(address,
      m -> exchange.onStreamMessage(m.body()));
    return afterQueued(context, call(session, msg, address))
      .eventually(consumer::unregister)
      .compose(exchange::complete, err -> {
        if (exchange.streaming()) {
          return exchange.complete(JsonRpc.errorResponse(msg.id(), asError(err)));
        }
        return Future.failedFuture(err);
      });
  }

  /**
   * The outcome of a call, handed over through the request's context queue: a reply may be delivered at once while
   * the backend's last messages before it (progress, log) still wait in that queue; they must reach the client first.
   */
  private static <T> Future<T> afterQueued(Context context, Future<T> outcome) {
    Promise<T> ordered = Promise.promise();
    outcome.onComplete(ar -> context.runOnContext(v -> ordered.handle(ar)));
    return ordered.future();
  }

  /** A JSON-RPC batch (2025-03-26 sessions only): completes with the array of responses, or null if none. */
  Future<JsonArray> dispatchBatch(LocalSession session, JsonArray batch) {
    if (!ProtocolVersion.allowsBatches(session.protocolVersion())) {
      throw new IncomingMessage.InvalidMessage(null,
        "Invalid Request: batches are only allowed for protocol version " + ProtocolVersion.V2025_03_26);
    }
    if (batch.isEmpty()) {
      throw new IncomingMessage.InvalidMessage(null, "Invalid Request: empty batch");
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
    IncomingMessage msg;
    try {
      msg = IncomingMessage.parse(element);
      if (McpMethod.INITIALIZE.equals(msg.method())) {
        throw new IncomingMessage.InvalidMessage(msg.id(), "Invalid Request: initialize must not be in a batch");
      }
    } catch (IncomingMessage.InvalidMessage invalid) {
      return Future.succeededFuture(JsonRpc.errorResponse(invalid.id(), invalid.toErrorObject()));
    } catch (McpException mcp) {
      return Future.succeededFuture(JsonRpc.errorResponse(null, mcp.toErrorObject()));
    }
    if (msg.kind() != IncomingMessage.Kind.REQUEST) {
      accept(session, msg);
      return Future.succeededFuture();
    }
    Object id = msg.id();
    Future<JsonObject> answer = McpMethod.PING.equals(msg.method()) ? immediate(msg) : call(session, msg, null);
    return answer.recover(err -> err instanceof McpException mcp
      ? Future.succeededFuture(JsonRpc.errorResponse(id, mcp.toErrorObject()))
      : Future.failedFuture(err));
  }

  private static Future<JsonObject> immediate(IncomingMessage msg) {
    if (McpMethod.INITIALIZE.equals(msg.method())) {
      return Future.failedFuture(new IncomingMessage.InvalidMessage(msg.id(),
        "Invalid Request: initialize must be the only message of its POST"));
    }
    return Future.succeededFuture(JsonRpc.response(msg.id(), new JsonObject()));
  }

  /** A notification or response: registration, or a message a backend must see. */
  private void accept(LocalSession session, IncomingMessage msg) {
    if (McpMethod.NOTIFICATION_INITIALIZED.equals(msg.method())) {
      registered(session).onFailure(err -> LOG.log(System.Logger.Level.WARNING,
        "registration of a session failed: {0}", err.getMessage()));
      return;
    }
    boolean forBackends = msg.kind() == IncomingMessage.Kind.RESPONSE
      || McpMethod.NOTIFICATION_CANCELLED.equals(msg.method())
      || McpMethod.NOTIFICATION_ROOTS_LIST_CHANGED.equals(msg.method());
    if (forBackends) {
      registered(session).onSuccess(context -> core.clientMessage(new ClientMessage(context, msg.json())));
    }
  }

  private Future<JsonObject> call(LocalSession session, IncomingMessage msg, String streamAddress) {
    Context requestContext = Vertx.currentContext();
    return registered(session).compose(context -> onContext(requestContext, () ->
      core.call(new CoreCall(context, msg.id(), msg.method(), msg.params(), streamAddress))).map(reply -> {
        if (reply.backendSessions() != null) {
          sessions.backendSessionsChanged(session, context, reply.backendSessions());
        }
        if (reply.error() == null) {
          remember(session, msg);
        }
        return toResponse(msg.id(), reply);
      })).andThen(ar -> observer.answered(msg.method(), ar, ar.succeeded() && ar.result().containsKey("error")));
  }

  /**
   * Runs {@code action} on the request's context: a registration that completes later completes on another
   * request's context, and the call must carry its own request's context (its trace, see
   * {@code dev.switchboard.core.trace}) to core.
   */
  private static <T> Future<T> onContext(Context requestContext, java.util.function.Supplier<Future<T>> action) {
    if (requestContext == null || Vertx.currentContext() == requestContext) {
      return action.get();
    }
    Promise<T> promise = Promise.promise();
    requestContext.runOnContext(v -> action.get().onComplete(promise));
    return promise.future();
  }

  /** What the session must remember of a successful request: its log level, its subscriptions. */
  private static void remember(LocalSession session, IncomingMessage msg) {
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

  private static JsonObject toResponse(Object id, CoreReply reply) {
    return reply.error() != null ? JsonRpc.errorResponse(id, reply.error()) : JsonRpc.response(id, reply.result());
  }

  private static JsonObject asError(Throwable err) {
    return err instanceof McpException mcp ? mcp.toErrorObject()
      : McpException.internal("Internal error").toErrorObject();
  }
}
