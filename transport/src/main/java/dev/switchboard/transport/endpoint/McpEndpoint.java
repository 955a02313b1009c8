package dev.switchboard.transport.endpoint;

import dev.switchboard.core.bus.CoreBus;
import dev.switchboard.core.bus.Identity;
import dev.switchboard.core.protocol.JsonRpc;
import dev.switchboard.core.protocol.JsonRpcError;
import dev.switchboard.core.protocol.McpException;
import dev.switchboard.core.protocol.McpMethod;
import dev.switchboard.core.protocol.ProtocolVersion;
import dev.switchboard.transport.ServerDescription;
import dev.switchboard.transport.TransportOptions;
import dev.switchboard.transport.http.BodyReader;
import dev.switchboard.transport.http.HostGuard;
import dev.switchboard.transport.http.HttpFailure;
import dev.switchboard.transport.http.JsonDepth;
import dev.switchboard.transport.http.MediaTypes;
import dev.switchboard.transport.http.SessionIds;
import dev.switchboard.transport.observe.EndpointObserver;
import dev.switchboard.transport.session.SessionFailure;
import dev.switchboard.transport.session.SessionIdManager;
import dev.switchboard.transport.stream.StreamRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The MCP endpoint: POST carries client messages, GET opens or resumes a stream, DELETE ends a session. Every
 * failure goes through {@link ErrorMapper}.
 */
public final class McpEndpoint implements Handler<HttpServerRequest> {
  private static final String ALLOW = "GET, POST, DELETE";

  private final TransportOptions options;
  private final HostGuard hostGuard;
  private final SessionIdManager sessions;
  private final ServerDescription server;
  private final MessageDispatcher dispatcher;
  private final GetHandler get;
  private final EndpointObserver observer;

  public McpEndpoint(Vertx vertx, TransportOptions options, SessionIdManager sessions, CoreBus core,
                     StreamRegistry streams, ServerDescription server) {
    this.options = options;
    this.hostGuard = new HostGuard(allowedHosts(options), options.allowedOrigins());
    this.sessions = sessions;
    this.server = server;
    SessionChannels channels = new SessionChannels(vertx, sessions, core, streams);
    this.dispatcher = new MessageDispatcher(vertx, sessions, core, streams, channels);
    this.get = new GetHandler(vertx, sessions, streams, channels);
    this.observer = EndpointObserver.of(vertx);
  }

  /** The configured hosts plus the address the server binds, unless that is a wildcard address. */
  private static List<String> allowedHosts(TransportOptions options) {
    List<String> hosts = new ArrayList<>(options.allowedHosts());
    String bound = options.host();
    if (!"0.0.0.0".equals(bound) && !"::".equals(bound)) {
      hosts.add(bound.contains(":") && !bound.startsWith("[") ? "[" + bound + "]" : bound);
    }
    return hosts;
  }

  @Override
  public void handle(HttpServerRequest req) {
    if (!hostGuard.allows(req)) {
      fail(req, new HttpFailure(403, JsonRpcError.SERVER_ERROR, "Forbidden: Host or Origin not allowed"), null);
      return;
    }
    switch (req.method().name()) {
      case "POST" -> post(req);
      case "GET" -> get(req);
      case "DELETE" -> delete(req);
      default -> {
        req.response().putHeader(HttpHeaders.ALLOW, ALLOW);
        fail(req, new HttpFailure(405, JsonRpcError.SERVER_ERROR, "Method Not Allowed"), null);
      }
    }
  }

  private void post(HttpServerRequest req) {
    if (!MediaTypes.acceptsJsonAndSse(req.getHeader(HttpHeaders.ACCEPT))) {
      fail(req, new HttpFailure(406, JsonRpcError.SERVER_ERROR,
        "Not Acceptable: Accept must list application/json and text/event-stream"), null);
      return;
    }
    if (!MediaTypes.isJson(req.getHeader(HttpHeaders.CONTENT_TYPE))) {
      fail(req, new HttpFailure(415, JsonRpcError.SERVER_ERROR,
        "Unsupported Media Type: Content-Type must be application/json"), null);
      return;
    }
    String version = req.getHeader(McpHeaders.PROTOCOL_VERSION);
    if (version != null && !ProtocolVersion.isSupported(version)) {
      fail(req, new HttpFailure(400, JsonRpcError.SERVER_ERROR, "Bad Request: Unsupported protocol version: "
        + version + " (supported: " + String.join(", ", ProtocolVersion.SUPPORTED) + ")"), null);
      return;
    }
    BodyReader.read(req, options.maxBodyBytes())
      .map(this::decode)
      .compose(value -> route(req, value))
      .onFailure(err -> fail(req, err, null));
  }

  private Object decode(Buffer body) {
    if (JsonDepth.exceeds(body, options.maxJsonDepth())) {
      throw new McpException(JsonRpcError.INVALID_REQUEST,
        "Invalid Request: JSON nested deeper than " + options.maxJsonDepth() + " levels");
    }
    try {
      return Json.decodeValue(body);
    } catch (DecodeException e) {
      throw new McpException(JsonRpcError.PARSE_ERROR, "Parse error: body is not valid JSON");
    }
  }

  private Future<Void> route(HttpServerRequest req, Object value) {
    if (value instanceof JsonObject json && McpMethod.INITIALIZE.equals(json.getValue("method"))) {
      return initialize(req, IncomingMessage.parse(json));
    }
    if (!(value instanceof JsonObject) && !(value instanceof JsonArray)) {
      throw new IncomingMessage.InvalidMessage(null, "Invalid Request: a JSON-RPC message must be an object");
    }
    IncomingMessage single = value instanceof JsonObject json ? IncomingMessage.parse(json) : null;
    String sessionId = requireSessionId(req);
    Identity identity = Identity.ANONYMOUS;
    return sessions.find(sessionId, identity).compose(session -> {
      Future<Void> answered = single != null
        ? dispatcher.dispatch(req, session, single)
        : dispatcher.dispatchBatch(session, (JsonArray) value)
          .compose(body -> body == null ? empty(req, 202) : json(req, 200, Json.encodeToBuffer(body)));
      return answered.recover(err -> {
        fail(req, err, single == null ? null : single.id());
        return Future.succeededFuture();
      });
    });
  }

  private Future<Void> initialize(HttpServerRequest req, IncomingMessage msg) {
    if (msg.kind() != IncomingMessage.Kind.REQUEST) {
      throw new IncomingMessage.InvalidMessage(null, "Invalid Request: initialize must be a request");
    }
    JsonObject params = msg.params() == null ? new JsonObject() : msg.params();
    if (!(params.getValue("protocolVersion") instanceof String requested)) {
      throw McpException.invalidParams("protocolVersion must be a string");
    }
    JsonObject capabilities = objectParam(params, "capabilities");
    JsonObject clientInfo = objectParam(params, "clientInfo");
    String negotiated = ProtocolVersion.negotiate(requested);
    return sessions.create(Identity.ANONYMOUS, negotiated, clientInfo, capabilities)
      .andThen(ar -> observer.answered(McpMethod.INITIALIZE, ar, false))
      .compose(session -> {
        req.response().putHeader(McpHeaders.SESSION_ID, session.id());
        JsonObject response = JsonRpc.response(msg.id(), server.initializeResult(negotiated));
        return json(req, 200, response.toBuffer());
      })
      .recover(err -> {
        fail(req, err, msg.id());
        return Future.succeededFuture();
      });
  }

  private static JsonObject objectParam(JsonObject params, String name) {
    Object value = params.getValue(name);
    if (value == null) {
      return new JsonObject();
    }
    if (!(value instanceof JsonObject object)) {
      throw McpException.invalidParams(name + " must be an object");
    }
    return object;
  }

  private void get(HttpServerRequest req) {
    String version = req.getHeader(McpHeaders.PROTOCOL_VERSION);
    try {
      GetHandler.checkAccept(req);
      if (version != null && !ProtocolVersion.isSupported(version)) {
        throw new HttpFailure(400, JsonRpcError.SERVER_ERROR, "Bad Request: Unsupported protocol version: "
          + version);
      }
      String sessionId = requireSessionId(req);
      sessions.find(sessionId, Identity.ANONYMOUS)
        .compose(session -> get.handle(req, session))
        .onFailure(err -> fail(req, err, null));
    } catch (RuntimeException e) {
      fail(req, e, null);
    }
  }

  private void delete(HttpServerRequest req) {
    String sessionId;
    try {
      sessionId = requireSessionId(req);
    } catch (HttpFailure e) {
      fail(req, e, null);
      return;
    }
    sessions.delete(sessionId, Identity.ANONYMOUS)
      .compose(v -> empty(req, 200))
      .onFailure(err -> fail(req, err, null));
  }

  private static String requireSessionId(HttpServerRequest req) {
    String sessionId = req.getHeader(McpHeaders.SESSION_ID);
    if (sessionId == null) {
      throw new HttpFailure(400, JsonRpcError.SERVER_ERROR, "Bad Request: Mcp-Session-Id header is required");
    }
    if (!SessionIds.isWellFormed(sessionId)) {
      throw new HttpFailure(404, JsonRpcError.UNAVAILABLE, "Session not found");
    }
    return sessionId;
  }

  private static Future<Void> json(HttpServerRequest req, int status, Buffer body) {
    HttpServerResponse resp = req.response();
    if (resp.ended()) {
      return Future.succeededFuture();
    }
    return resp.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body);
  }

  private static Future<Void> empty(HttpServerRequest req, int status) {
    HttpServerResponse resp = req.response();
    return resp.ended() ? Future.succeededFuture() : resp.setStatusCode(status).end();
  }

  private void fail(HttpServerRequest req, Throwable err, Object id) {
    ErrorMapper.Answer answer = ErrorMapper.map(err, id);
    if (err instanceof HttpFailure || err instanceof SessionFailure) {
      observer.refused(req, answer.status());
    }
    HttpServerResponse resp = req.response();
    if (resp.ended() || resp.closed() || resp.headWritten()) {
      return;
    }
    if (answer.retryable()) {
      resp.putHeader(HttpHeaders.RETRY_AFTER, "1");
    }
    json(req, answer.status(), answer.body().toBuffer());
  }
}
