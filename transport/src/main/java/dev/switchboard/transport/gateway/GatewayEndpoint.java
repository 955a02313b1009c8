package dev.switchboard.transport.gateway;

import dev.switchboard.core.bus.CoreBus;
import dev.switchboard.core.json.RawObject;
import dev.switchboard.core.protocol.JsonRpc;
import dev.switchboard.core.protocol.McpException;
import dev.switchboard.core.protocol.McpMethod;
import dev.switchboard.core.protocol.ProtocolVersion;
import dev.switchboard.transport.ServerDescription;
import dev.switchboard.transport.TransportOptions;
import dev.switchboard.transport.auth.Caller;
import dev.switchboard.transport.observe.EndpointObserver;
import dev.switchboard.transport.session.SessionFailure;
import dev.switchboard.transport.session.SessionManager;
import dev.switchboard.transport.stateless.StatelessEndpoint;
import dev.switchboard.transport.stateless.StatelessRequest;
import dev.switchboard.transport.streamable.ErrorMapper;
import dev.switchboard.transport.streamable.FrontDoor;
import dev.switchboard.transport.streamable.HostGuard;
import dev.switchboard.transport.streamable.HttpFailure;
import dev.switchboard.transport.streamable.JsonRpcMessage;
import dev.switchboard.transport.streamable.McpHeaders;
import dev.switchboard.transport.streamable.MediaTypes;
import dev.switchboard.transport.streamable.PostBody;
import dev.switchboard.transport.streamable.StreamRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's MCP endpoint on the streamable-HTTP layer ({@link FrontDoor}): POST carries client messages, GET
 * opens or resumes a stream, DELETE ends a session. A POSTed request of the stateless era (MCP 2026-07-28, decided per
 * request by {@link StatelessRequest#claims}) goes to the {@link StatelessEndpoint}; everything else is the session
 * era. Every failure is answered by {@link ErrorMapper}.
 */
public final class GatewayEndpoint implements Handler<HttpServerRequest> {
  private final FrontDoor frontDoor;
  private final SessionManager sessions;
  private final ServerDescription server;
  /** By negotiated version: one of the few the gateway supports. */
  private final Map<String, Buffer> initializeResults = new ConcurrentHashMap<>();
  private final MessageDispatcher dispatcher;
  private final GetHandler get;
  private final EndpointObserver observer;
  private final PendingCalls calls;
  private final StatelessEndpoint stateless;

  public GatewayEndpoint(Vertx vertx, TransportOptions options, SessionManager sessions, CoreBus core,
                         StreamRegistry streams, ServerDescription server, StatelessEndpoint.Shared statelessParts) {
    this.observer = EndpointObserver.of(vertx);
    this.frontDoor = new FrontDoor(new HostGuard(allowedHosts(options), options.allowedOrigins()),
      options.maxBodyBytes(), options.maxJsonDepth(), options.limits().maxBatchSize(), observer::refused);
    this.sessions = sessions;
    this.server = server;
    SessionChannels channels = new SessionChannels(vertx, sessions, core, streams);
    this.calls = new PendingCalls(vertx, core);
    this.dispatcher = new MessageDispatcher(vertx, sessions, core, streams, channels, calls);
    this.stateless = new StatelessEndpoint(vertx, statelessParts, core, calls::call, server,
      options.limits().maxBufferedBytesPerStream());
    this.get = new GetHandler(vertx, sessions, streams, channels, options.limits().maxStreamsPerSession());
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
    handle(req, Caller.ANONYMOUS);
  }

  /** Handles a request whose caller has been authenticated (see {@code transport.auth.AuthGate}). */
  public void handle(HttpServerRequest req, Caller caller) {
    frontDoor.dispatch(req, r -> post(r, caller), r -> get(r, caller), r -> delete(r, caller));
  }

  private void post(HttpServerRequest req, Caller caller) {
    FrontDoor.checkPostMedia(req);
    frontDoor.readPost(req)
      .compose(body -> {
        JsonRpcMessage single = body.single();
        if (single != null && StatelessRequest.claims(req.headers(), single)) {
          return statelessRequest(req, single, caller);
        }
        if (single == null && StatelessRequest.anyClaims(body.batch())) {
          throw HttpFailure.invalidRequest("Invalid Request: JSON-RPC batches may not carry requests of protocol "
            + "revision " + ProtocolVersion.V2026_07_28);
        }
        FrontDoor.checkVersion(req);
        return body.isInitialize() ? initialize(req, single, caller) : route(req, body, caller);
      })
      .onFailure(err -> fail(req, err, null));
  }

  /** A stateless-era message; its failures are answered with its id. */
  private Future<Void> statelessRequest(HttpServerRequest req, JsonRpcMessage msg, Caller caller) {
    Future<Void> handled;
    try {
      handled = stateless.handle(req, msg, caller);
    } catch (RuntimeException e) {
      handled = Future.failedFuture(e);
    }
    return handled.recover(err -> {
      fail(req, err, msg.id());
      return Future.succeededFuture();
    });
  }

  private Future<Void> route(HttpServerRequest req, PostBody body, Caller caller) {
    JsonRpcMessage single = body.single();
    String sessionId = FrontDoor.sessionId(req);
    return sessions.find(sessionId, caller.identity()).compose(session -> {
      Future<Void> answered = single != null
        ? dispatcher.dispatch(req, session, single)
        : dispatcher.dispatchBatch(session, body.batch())
          .compose(answer -> answer == null ? empty(req, 202) : json(req, Json.encodeToBuffer(answer)));
      return answered.recover(err -> {
        fail(req, err, single == null ? null : single.id());
        return Future.succeededFuture();
      });
    });
  }

  private Future<Void> initialize(HttpServerRequest req, JsonRpcMessage msg, Caller caller) {
    JsonObject params = msg.params() == null ? new JsonObject() : msg.params();
    if (!(params.getValue("protocolVersion") instanceof String requested)) {
      throw McpException.invalidParams("protocolVersion must be a string");
    }
    JsonObject capabilities = objectParam(params, "capabilities");
    JsonObject clientInfo = objectParam(params, "clientInfo");
    String negotiated = ProtocolVersion.negotiate(requested);
    return sessions.create(caller.identity(), negotiated, clientInfo, capabilities)
      .andThen(ar -> observer.answered(McpMethod.INITIALIZE, ar, false))
      .compose(session -> {
        req.response().putHeader(McpHeaders.SESSION_ID, session.id());
        return json(req, JsonRpc.response(msg.id(), initializeResult(negotiated)).toBuffer());
      })
      .recover(err -> {
        fail(req, err, msg.id());
        return Future.succeededFuture();
      });
  }

  /** The {@code initialize} result for a negotiated version, encoded once per version and spliced as bytes. */
  private JsonObject initializeResult(String version) {
    return RawObject.of(initializeResults.computeIfAbsent(version, v -> server.initializeResult(v).toBuffer()), false);
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

  private void get(HttpServerRequest req, Caller caller) {
    FrontDoor.checkGet(req);
    String sessionId = FrontDoor.sessionId(req);
    sessions.find(sessionId, caller.identity())
      .compose(session -> get.handle(req, session))
      .onFailure(err -> fail(req, err, null));
  }

  private void delete(HttpServerRequest req, Caller caller) {
    FrontDoor.checkVersion(req);
    String sessionId = FrontDoor.sessionId(req);
    sessions.delete(sessionId, caller.identity())
      .compose(v -> empty(req, 200))
      .onFailure(err -> fail(req, err, null));
  }

  /** Answers a failure ({@link ErrorMapper}); a request refused before it reached a session is also observed. */
  private void fail(HttpServerRequest req, Throwable err, Object id) {
    int status = ErrorMapper.respond(req, err, id);
    if (err instanceof HttpFailure || err instanceof SessionFailure) {
      observer.refused(req, status);
    }
  }

  /** Stops waiting for core's replies (the verticle stops). */
  public void close() {
    calls.close();
  }

  private static Future<Void> json(HttpServerRequest req, Buffer body) {
    HttpServerResponse resp = req.response();
    if (resp.ended()) {
      return Future.succeededFuture();
    }
    return resp.setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, MediaTypes.APPLICATION_JSON).end(body);
  }

  private static Future<Void> empty(HttpServerRequest req, int status) {
    HttpServerResponse resp = req.response();
    return resp.ended() ? Future.succeededFuture() : resp.setStatusCode(status).end();
  }
}
