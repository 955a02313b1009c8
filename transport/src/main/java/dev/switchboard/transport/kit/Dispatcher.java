package dev.switchboard.transport.kit;

import dev.switchboard.core.protocol.JsonRpc;
import dev.switchboard.core.protocol.JsonRpcError;
import dev.switchboard.core.protocol.McpException;
import dev.switchboard.core.protocol.McpMethod;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import dev.switchboard.transport.streamable.JsonRpcMessage;
import dev.switchboard.transport.streamable.PostAnswer;
import java.util.HashMap;
import java.util.Map;

/**
 * Routes client messages of a session: requests to the method handlers of the registered features (a method of a
 * feature that was not registered is {@code -32601}), notifications to the session, and turns handler outcomes into
 * JSON-RPC responses on the POST's exchange.
 */
final class Dispatcher {
  private final ServerRuntime runtime;
  private final Map<String, MethodHandler> routes = new HashMap<>();

  Dispatcher(ServerRuntime runtime) {
    this.runtime = runtime;
    McpServer server = runtime.server();
    routes.put(McpMethod.PING, call -> Future.succeededFuture(new JsonObject()));
    routes.put(McpMethod.LOGGING_SET_LEVEL, Dispatcher::setLevel);
    int pageSize = server.settings().getPageSize();
    if (!server.tools().isEmpty()) {
      new ToolFeature(server.tools(), pageSize).register(routes);
    }
    if (!server.resources().isEmpty() || !server.templates().isEmpty()) {
      new ResourceFeature(server.resources(), server.templates(), pageSize, server.settings().isSubscriptions())
        .register(routes);
    }
    if (!server.prompts().isEmpty()) {
      new PromptFeature(server.prompts(), pageSize).register(routes);
    }
    if (server.completion() != null) {
      new CompletionFeature(server).register(routes);
    }
  }

  /** Handles one client request; its response goes to {@code exchange}. */
  void request(ServerSession session, JsonRpcMessage request, PostAnswer exchange) {
    Object id = request.id();
    String method = request.method();
    runtime.countRequest(method);
    JsonObject params = request.params();
    InboundCall call = new InboundCall(session, id, method, params == null ? new JsonObject() : params, exchange);
    String refused = session.register(call);
    if (refused != null) {
      exchange.respond(JsonRpc.errorResponse(id, JsonRpcError.INVALID_REQUEST, refused));
      return;
    }
    invoke(call).onComplete(ar -> runtime.onContext(() -> complete(call, ar)));
  }

  /** Handles one client notification. */
  void notification(ServerSession session, JsonRpcMessage notification) {
    String method = notification.method();
    JsonObject params = notification.params() == null ? new JsonObject() : notification.params();
    if (McpMethod.NOTIFICATION_INITIALIZED.equals(method)) {
      session.markInitialized();
    } else if (McpMethod.NOTIFICATION_CANCELLED.equals(method)) {
      session.cancel(params.getValue("requestId"));
    }
    runtime.notificationReceived(session, method, params);
  }

  private Future<JsonObject> invoke(InboundCall call) {
    MethodHandler handler = routes.get(call.method());
    if (handler == null) {
      return Future.failedFuture(McpException.methodNotFound(call.method()));
    }
    try {
      Future<JsonObject> result = handler.handle(call);
      return result != null ? result : Future.failedFuture(McpException.internal("The handler returned no result"));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private static void complete(InboundCall call, AsyncResult<JsonObject> outcome) {
    if (!call.finish()) {
      return;
    }
    JsonObject response = outcome.succeeded()
      ? JsonRpc.response(call.requestId(), outcome.result())
      : JsonRpc.errorResponse(call.requestId(), errorObject(outcome.cause()));
    call.exchange().respond(response);
  }

  static JsonObject errorObject(Throwable failure) {
    if (failure instanceof McpException mcp) {
      return mcp.toErrorObject();
    }
    String message = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
    return JsonRpc.errorObject(JsonRpcError.INTERNAL_ERROR, message, null);
  }

  private static Future<JsonObject> setLevel(InboundCall call) {
    String name = ParamReader.requiredString(call.params(), "level");
    LogLevel level = LogLevel.parse(name);
    if (level == null) {
      return Future.failedFuture(McpException.invalidParams("Invalid log level: " + name));
    }
    call.session().setLogLevel(level);
    return Future.succeededFuture(new JsonObject());
  }
}
