package dev.switchboard.transport.kit;

import dev.switchboard.core.protocol.JsonRpc;
import dev.switchboard.core.protocol.JsonRpcError;
import dev.switchboard.core.protocol.McpException;
import dev.switchboard.core.protocol.McpMethod;
import dev.switchboard.transport.streamable.PostAnswer;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A client request being handled: the {@link RequestContext} given to handlers, bound to its POST's exchange. */
final class InboundCall implements RequestContext {
  private static final System.Logger LOG = System.getLogger(InboundCall.class.getName());
  private static final int MAX_CANCEL_HANDLERS = 16;
  /** Which client capability each server-to-client request needs. */
  private static final Map<String, String> REQUIRED_CAPABILITY = Map.of(
    McpMethod.SAMPLING_CREATE_MESSAGE, "sampling",
    McpMethod.ELICITATION_CREATE, "elicitation",
    McpMethod.ROOTS_LIST, "roots");

  private final ServerSession session;
  private final Object requestId;
  private final String method;
  private final JsonObject params;
  private final PostAnswer exchange;
  private final List<Handler<Void>> cancelHandlers = new ArrayList<>(2);
  private boolean cancelled;
  private boolean done;

  InboundCall(ServerSession session, Object requestId, String method, JsonObject params, PostAnswer exchange) {
    this.session = session;
    this.requestId = requestId;
    this.method = method;
    this.params = params;
    this.exchange = exchange;
  }

  @Override
  public String sessionId() {
    return session.id();
  }

  @Override
  public String protocolVersion() {
    return session.protocolVersion();
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public Object requestId() {
    return requestId;
  }

  @Override
  public JsonObject params() {
    return params;
  }

  @Override
  public JsonObject arguments() {
    return params.getValue("arguments") instanceof JsonObject args ? args : new JsonObject();
  }

  @Override
  public Object progressToken() {
    return params.getValue("_meta") instanceof JsonObject meta ? meta.getValue("progressToken") : null;
  }

  @Override
  public JsonObject clientCapabilities() {
    return session.clientCapabilities();
  }

  @Override
  public Vertx vertx() {
    return session.runtime().vertx();
  }

  @Override
  public Future<Void> progress(double progress, Double total, String message) {
    Object token = progressToken();
    if (token == null || cancelled || done) {
      return Future.succeededFuture();
    }
    JsonObject notification = new JsonObject().put("progressToken", token).put("progress", progress);
    if (total != null) {
      notification.put("total", total);
    }
    if (message != null) {
      notification.put("message", message);
    }
    return send(JsonRpc.notification(McpMethod.NOTIFICATION_PROGRESS, notification));
  }

  @Override
  public Future<Void> log(String level, Object data) {
    LogLevel parsed = LogLevel.parse(level);
    if (parsed == null) {
      return Future.failedFuture(new IllegalArgumentException("Unknown log level: " + level));
    }
    if (!session.logs(parsed) || cancelled || done) {
      return Future.succeededFuture();
    }
    JsonObject notification = new JsonObject().put("level", parsed.wireName())
      .put("logger", session.runtime().server().name()).put("data", data);
    return send(JsonRpc.notification(McpMethod.NOTIFICATION_MESSAGE, notification));
  }

  @Override
  public Future<JsonObject> request(String requestMethod, JsonObject requestParams) {
    String capability = REQUIRED_CAPABILITY.get(requestMethod);
    if (capability != null && !session.clientCapabilities().containsKey(capability)) {
      return Future.failedFuture(new McpException(JsonRpcError.METHOD_NOT_FOUND,
        "The client did not declare the '" + capability + "' capability needed for " + requestMethod));
    }
    if (cancelled || done) {
      return Future.failedFuture(new McpException(JsonRpcError.SERVER_ERROR, "The request is no longer active"));
    }
    return session.request(requestMethod, requestParams, exchange);
  }

  @Override
  public boolean closeStreamForPolling() {
    return !cancelled && !done && exchange.pause();
  }

  @Override
  public boolean cancelled() {
    return cancelled;
  }

  @Override
  public void onCancel(Handler<Void> handler) {
    if (cancelled) {
      handler.handle(null);
    } else if (!done && cancelHandlers.size() < MAX_CANCEL_HANDLERS) {
      cancelHandlers.add(handler);
    }
  }

  /** Sends a droppable notification ahead of the response: skipped while the client's connection is congested. */
  private Future<Void> send(JsonObject notification) {
    if (exchange.congested()) {
      return Future.failedFuture(new IllegalStateException("Stream congested; message dropped"));
    }
    return exchange.send(notification) ? Future.succeededFuture()
      : Future.failedFuture(new IllegalStateException("The request's stream has ended"));
  }

  ServerSession session() {
    return session;
  }

  PostAnswer exchange() {
    return exchange;
  }

  /** Marks the request cancelled: no response will be sent and the cancel handlers run. */
  void cancel() {
    if (cancelled || done) {
      return;
    }
    cancelled = true;
    exchange.drop();
    for (Handler<Void> handler : cancelHandlers) {
      try {
        handler.handle(null);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "Cancel handler of " + method + " failed", e);
      }
    }
    cancelHandlers.clear();
  }

  /** Marks the request answered; false when it was cancelled and must get no response. */
  boolean finish() {
    session.unregister(this);
    if (cancelled || done) {
      return false;
    }
    done = true;
    cancelHandlers.clear();
    return true;
  }
}
