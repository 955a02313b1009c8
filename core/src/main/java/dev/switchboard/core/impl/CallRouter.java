package dev.switchboard.core.impl;

import dev.switchboard.core.auth.AccessPolicy;
import dev.switchboard.core.backend.BackendClient;
import dev.switchboard.core.backend.BackendException;
import dev.switchboard.core.bus.CoreCall;
import dev.switchboard.core.bus.CoreReply;
import dev.switchboard.core.bus.SessionContext;
import dev.switchboard.core.catalog.CatalogKind;
import dev.switchboard.core.catalog.Route;
import dev.switchboard.core.fairness.CallPermits;
import dev.switchboard.core.protocol.JsonRpcError;
import dev.switchboard.core.protocol.McpException;
import dev.switchboard.core.protocol.McpMethod;
import dev.switchboard.core.protocol.RelayedFeatures;
import dev.switchboard.core.protocol.Results;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Routes one client request: list methods are answered from the session's view; calls go to the backend that owns
 * the tool, prompt or resource, on the session's backend session. A backend that forgot its session gets a new one
 * and the request is sent once more.
 */
final class CallRouter {
  private static final System.Logger LOG = System.getLogger(CallRouter.class.getName());

  private final BackendRegistry registry;
  private final SessionOpener opener;
  private final StreamRelay relay;
  private final LoggingFanout logging;
  private final CallPermits permits;
  private final CallGuard guard;

  CallRouter(BackendRegistry registry, SessionOpener opener, StreamRelay relay, CallPermits permits) {
    this(registry, opener, relay, permits, new CallGuard(AccessPolicy.ALLOW_ALL));
  }

  CallRouter(BackendRegistry registry, SessionOpener opener, StreamRelay relay, CallPermits permits,
             CallGuard guard) {
    this.permits = permits;
    this.guard = guard;
    this.registry = registry;
    this.opener = opener;
    this.relay = relay;
    this.logging = new LoggingFanout(registry);
  }

  Future<CoreReply> route(CoreCall call) {
    SessionContext session = call.session();
    JsonObject params = call.params() == null ? new JsonObject() : call.params();
    guard.check(call, params);
    return switch (call.method()) {
      case McpMethod.TOOLS_LIST -> page(session, CatalogKind.TOOLS, params);
      case McpMethod.RESOURCES_LIST -> page(session, CatalogKind.RESOURCES, params);
      case McpMethod.RESOURCES_TEMPLATES_LIST -> page(session, CatalogKind.RESOURCE_TEMPLATES, params);
      case McpMethod.PROMPTS_LIST -> page(session, CatalogKind.PROMPTS, params);
      case McpMethod.TOOLS_CALL -> callTool(call, params);
      case McpMethod.PROMPTS_GET -> forwardNamed(call, params, "name",
        session.view().prompt(ParamChecks.requireString(params, "name")), "Unknown prompt: ");
      case McpMethod.RESOURCES_READ, McpMethod.RESOURCES_SUBSCRIBE, McpMethod.RESOURCES_UNSUBSCRIBE ->
        forwardResource(call, params);
      case McpMethod.COMPLETION_COMPLETE -> complete(call, params);
      case McpMethod.LOGGING_SET_LEVEL -> logging.setLevel(session, params).map(CoreReply::ok);
      default -> Future.failedFuture(McpException.methodNotFound(call.method()));
    };
  }

  private Future<CoreReply> page(SessionContext session, CatalogKind kind, JsonObject params) {
    Object cursor = params.getValue("cursor");
    if (cursor != null && !(cursor instanceof String)) {
      return Future.failedFuture(McpException.invalidParams("Invalid cursor"));
    }
    return Future.succeededFuture(CoreReply.ok(guard.filter(kind, opener.visible(session.view())
      .page(kind, (String) cursor), session.client().identity())));
  }

  private Future<CoreReply> callTool(CoreCall call, JsonObject params) {
    String name = ParamChecks.requireString(params, "name");
    Object arguments = params.getValue("arguments");
    if (arguments != null && !(arguments instanceof JsonObject)) {
      throw McpException.invalidParams("arguments must be an object");
    }
    Route route = call.session().view().tool(name)
      .orElseThrow(() -> McpException.invalidParams("Unknown tool: " + name));
    JsonObject forwarded = with(params, "name", route.name());
    return forward(call, route.backend(), forwarded).recover(err -> err instanceof BackendException failure
      ? Future.succeededFuture(CoreReply.ok(Results.toolError(clientText(failure))))
      : Future.failedFuture(err));
  }

  private Future<CoreReply> forwardNamed(CoreCall call, JsonObject params, String field,
                                         Optional<Route> route, String unknown) {
    Route target = route.orElseThrow(() -> McpException.invalidParams(unknown + params.getString(field)));
    return forward(call, target.backend(), with(params, field, target.name())).recover(CallRouter::asProtocolError);
  }

  private Future<CoreReply> forwardResource(CoreCall call, JsonObject params) {
    String uri = ParamChecks.requireString(params, "uri");
    Route route = call.session().view().resource(uri).orElseThrow(() ->
      new McpException(JsonRpcError.RESOURCE_NOT_FOUND, "Resource not found", new JsonObject().put("uri", uri)));
    return forward(call, route.backend(), params).recover(CallRouter::asProtocolError);
  }

  private Future<CoreReply> complete(CoreCall call, JsonObject params) {
    JsonObject ref = params.getValue("ref") instanceof JsonObject r ? r : null;
    if (ref == null) {
      throw McpException.invalidParams("ref must be an object");
    }
    String type = ref.getString("type", "");
    Route route = switch (type) {
      case "ref/prompt" -> call.session().view().prompt(ParamChecks.requireString(ref, "name"))
        .orElseThrow(() -> McpException.invalidParams("Unknown prompt: " + ref.getString("name")));
      case "ref/resource" -> call.session().view().resource(ParamChecks.requireString(ref, "uri"))
        .orElseThrow(() -> McpException.invalidParams("Unknown resource: " + ref.getString("uri")));
      default -> throw McpException.invalidParams("ref.type must be ref/prompt or ref/resource");
    };
    JsonObject forwardedRef = "ref/prompt".equals(type) ? ref.copy().put("name", route.name()) : ref;
    JsonObject forwarded = with(params, "ref", forwardedRef);
    return forward(call, route.backend(), forwarded).recover(err -> {
      if (err instanceof McpException mcp && mcp.code() == JsonRpcError.METHOD_NOT_FOUND) {
        return Future.succeededFuture(CoreReply.ok(emptyCompletion()));
      }
      return asProtocolError(err);
    });
  }

  private static JsonObject emptyCompletion() {
    return new JsonObject().put("completion", new JsonObject().put("values", new JsonArray())
      .put("hasMore", false));
  }

  /**
   * Sends the request on the session's backend session under the client's own id, renewing that session once if
   * the backend forgot it. While it runs, its permit ({@link CallPermits}) says which backend has it (for
   * cancellations).
   */
  private Future<CoreReply> forward(CoreCall call, String backend, JsonObject params) {
    BackendClient client = registry.get(backend);
    Map<String, String> sessions = call.session().backendSessions();
    String stored = sessions.get(backend);
    if (client == null || stored == null) {
      return Future.failedFuture(new BackendException(backend, BackendException.Kind.UNREACHABLE,
        "not connected for this session"));
    }
    String sessionId = call.session().client().sessionId();
    Object id = call.requestId();
    CallPermits.Permit permit;
    try {
      permit = permits.acquire(sessionId, id, backend, client.options().maxConnections());
    } catch (BackendException busy) {
      return Future.failedFuture(busy);
    } catch (IllegalStateException idInUse) {
      return Future.failedFuture(new McpException(JsonRpcError.INVALID_REQUEST,
        "Invalid Request: request id " + id + " is already in use in this session"));
    }
    Handler<JsonObject> onMessage = opener.catalogs().watching(backend, relay.toCall(call, backend));
    long start = System.nanoTime();
    return authorized(client, stored, call)
      .compose(backendSessionId -> send(client, backendSessionId, call, params, onMessage))
      .map(CoreReply::ok)
      .recover(err -> {
        if (err instanceof IllegalArgumentException || err instanceof IllegalStateException) {
          // the backend client refused the request id (BackendClient#request): its text stays in the log
          LOG.log(System.Logger.Level.DEBUG, "request refused by the backend client: {0}", err.getMessage());
          return Future.failedFuture(new McpException(JsonRpcError.INVALID_REQUEST,
            "Invalid Request: the request id must be a string or an integer not already in use in this session"));
        }
        if (!(err instanceof BackendException be) || be.kind() != BackendException.Kind.SESSION_EXPIRED) {
          return Future.failedFuture(err);
        }
        JsonObject capabilities = RelayedFeatures.of(call.session().client().clientCapabilities());
        return opener.fresh(client, "to renew a forgotten session", capabilities, call.session().client().identity())
          .compose(opened -> {
          Map<String, String> renewed = new LinkedHashMap<>(sessions);
          renewed.put(backend, opened.storedSessionId());
          return send(client, StoredIds.fromStored(opened.storedSessionId()), call, params, onMessage)
            .map(result -> new CoreReply(result, null, renewed));
        });
      })
      .andThen(done -> permit.release())
      .andThen(outcome -> registry.observer().routed(call, backend, start, outcome));
  }

  /** Sets the backend's credentials for the caller on the backend session; completes with the session id. */
  private Future<String> authorized(BackendClient client, String stored, CoreCall call) {
    String backendSessionId = StoredIds.fromStored(stored);
    return registry.authorization(client.name(), call.session().client().identity()).map(auth -> {
      client.authorize(backendSessionId, auth);
      return backendSessionId;
    });
  }

  private static Future<JsonObject> send(BackendClient client, String backendSessionId, CoreCall call,
                                         JsonObject params, Handler<JsonObject> onMessage) {
    return call.requestId() == null
      ? client.request(backendSessionId, call.method(), params, onMessage)
      : client.request(backendSessionId, call.requestId(), call.method(), params, onMessage);
  }

  /**
   * {@code params} with one field replaced, copied one level deep only: the values are the client's, sent on as they
   * are (the {@code arguments} stay the bytes they came in), and whoever changes a nested value copies it first.
   */
  private static JsonObject with(JsonObject params, String field, Object value) {
    return new JsonObject(new LinkedHashMap<>(params.getMap())).put(field, value);
  }

  private static Future<CoreReply> asProtocolError(Throwable err) {
    if (err instanceof BackendException failure) {
      return Future.failedFuture(McpException.internal(clientText(failure)));
    }
    return Future.failedFuture(err);
  }

  /** The client gets the backend and a generic reason; the details (classes, addresses, bodies) go to the log. */
  private static String clientText(BackendException failure) {
    LOG.log(failure.kind() == BackendException.Kind.BUSY ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING,
      "request to a backend failed: {0}", failure.getMessage());
    return failure.clientMessage();
  }
}
