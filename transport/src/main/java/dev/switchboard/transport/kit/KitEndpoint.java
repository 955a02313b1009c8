package dev.switchboard.transport.kit;

import dev.switchboard.core.protocol.JsonRpc;
import dev.switchboard.core.protocol.JsonRpcError;
import dev.switchboard.core.protocol.McpException;
import dev.switchboard.core.protocol.McpMethod;
import dev.switchboard.core.protocol.ProtocolVersion;
import dev.switchboard.transport.limits.LimitsOptions;
import dev.switchboard.transport.session.SessionFailure;
import dev.switchboard.transport.streamable.ErrorMapper;
import dev.switchboard.transport.streamable.EventIds;
import dev.switchboard.transport.streamable.FrontDoor;
import dev.switchboard.transport.streamable.HttpFailure;
import dev.switchboard.transport.streamable.JsonRpcMessage;
import dev.switchboard.transport.streamable.McpHeaders;
import dev.switchboard.transport.streamable.PostAnswer;
import dev.switchboard.transport.streamable.PostBody;
import dev.switchboard.transport.streamable.SessionIds;
import dev.switchboard.transport.streamable.SseWriter;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The kit's MCP endpoint on the streamable-HTTP layer ({@link FrontDoor}), the same layer as the gateway's: POST
 * bodies go to the {@link Dispatcher} with a {@link PostAnswer}, GET opens the session's standalone stream or resumes
 * a stream, DELETE ends the session. Every failure is answered by {@link ErrorMapper}. Runs on the server's event
 * loop.
 */
final class KitEndpoint implements Handler<HttpServerRequest> {
  private final ServerRuntime runtime;
  private final FrontDoor frontDoor;

  KitEndpoint(ServerRuntime runtime) {
    this.runtime = runtime;
    this.frontDoor = new FrontDoor(runtime.guard(), runtime.options().getMaxBodyBytes(),
      runtime.options().getMaxJsonDepth(), LimitsOptions.DEFAULT_MAX_BATCH_SIZE);
  }

  @Override
  public void handle(HttpServerRequest req) {
    if (!runtime.path().equals(req.path())) {
      ErrorMapper.respond(req, HttpFailure.notFound("Not Found"), null);
      return;
    }
    frontDoor.dispatch(req, this::post, this::get, this::delete);
  }

  private void delete(HttpServerRequest req) {
    FrontDoor.checkVersion(req);
    runtime.removeSession(session(req));
    req.response().setStatusCode(200).end();
  }

  private void post(HttpServerRequest req) {
    FrontDoor.checkPost(req);
    frontDoor.readPost(req).onComplete(read -> {
      try {
        if (read.failed()) {
          throw read.cause() instanceof RuntimeException e ? e : new IllegalStateException(read.cause());
        }
        PostBody body = read.result();
        if (body.isInitialize()) {
          initialize(req, body.single());
        } else if (body.single() != null) {
          process(req, session(req), List.of(body.single()), false);
        } else {
          ServerSession session = session(req);
          if (!ProtocolVersion.allowsBatches(session.protocolVersion())) {
            throw new JsonRpcMessage.InvalidMessage(null,
              "Invalid Request: batches are only allowed for protocol version " + ProtocolVersion.V2025_03_26);
          }
          process(req, session, body.batch(), true);
        }
      } catch (RuntimeException e) {
        ErrorMapper.respond(req, e, null);
      }
    });
  }

  /**
   * The messages of one POST: requests are dispatched and answered on one {@link PostAnswer}; an invalid batch
   * element gets its own error response there; a POST of notifications and responses only is answered 202.
   */
  private void process(HttpServerRequest req, ServerSession session, List<Object> messages, boolean batch) {
    session.touch();
    int answers = 0;
    for (Object message : messages) {
      answers += !(message instanceof JsonRpcMessage msg) || msg.kind() == JsonRpcMessage.Kind.REQUEST ? 1 : 0;
    }
    PostAnswer answer = answers == 0 ? null : new PostAnswer(req.response(), runtime.streams(), session.id(),
      session.protocolVersion(), answers, batch);
    if (answer != null && runtime.options().isAlwaysSse()) {
      answer.stream();
    }
    for (Object message : messages) {
      if (message instanceof McpException rejected) {
        Object id = rejected instanceof JsonRpcMessage.InvalidMessage invalid ? invalid.id() : null;
        answer.respond(JsonRpc.errorResponse(id, rejected.toErrorObject()));
        continue;
      }
      JsonRpcMessage msg = (JsonRpcMessage) message;
      switch (msg.kind()) {
        case REQUEST -> runtime.dispatcher().request(session, msg, answer);
        case NOTIFICATION -> runtime.dispatcher().notification(session, msg);
        case RESPONSE -> session.completeRequest(msg.json());
        default -> throw new IllegalStateException("every kind is handled");
      }
    }
    if (answer == null) {
      req.response().setStatusCode(202).end();
    }
  }

  private void initialize(HttpServerRequest req, JsonRpcMessage msg) {
    runtime.countRequest(McpMethod.INITIALIZE);
    JsonObject params = msg.params() == null ? new JsonObject() : msg.params();
    if (!(params.getValue("protocolVersion") instanceof String requested)) {
      throw McpException.invalidParams("protocolVersion must be a string");
    }
    JsonObject capabilities = params.getValue("capabilities") instanceof JsonObject c ? c : new JsonObject();
    String version = ProtocolVersion.negotiate(requested);
    ServerSession session = runtime.createSession(version, capabilities.copy());
    if (session == null) {
      throw new HttpFailure(503, JsonRpcError.UNAVAILABLE, "Too many sessions; retry later");
    }
    req.response().putHeader(McpHeaders.SESSION_ID, session.id());
    PostAnswer answer = new PostAnswer(req.response(), runtime.streams(), session.id(), version, 1, false);
    if (runtime.options().isAlwaysSse()) {
      answer.stream();
    }
    answer.respond(JsonRpc.response(msg.id(), runtime.server().initializeResult(version)));
  }

  /**
   * GET: with a {@code Last-Event-ID} this server issued, resumes that stream; otherwise opens the session's
   * standalone stream (a newer GET replaces an older one, which is ended).
   */
  private void get(HttpServerRequest req) {
    FrontDoor.checkGet(req);
    ServerSession session = session(req);
    session.touch();
    String lastEventId = req.getHeader(McpHeaders.LAST_EVENT_ID);
    long heartbeat = runtime.options().getHeartbeatInterval().toMillis();
    SseWriter writer = runtime.streams().writer(req.response()).heartbeat(runtime.vertx(), heartbeat);
    if (lastEventId != null && EventIds.streamOf(lastEventId) != null) {
      runtime.streams().resume(runtime.vertx(), session.id(), lastEventId, writer, session::closed);
    } else {
      session.openStandalone(writer);
    }
  }

  /** The request's session: 400 without the header, 404 when unknown or ended. */
  private ServerSession session(HttpServerRequest req) {
    String id = FrontDoor.sessionId(req);
    ServerSession session = SessionIds.isWellFormed(id) ? runtime.session(id) : null;
    if (session == null) {
      throw SessionFailure.notFound();
    }
    return session;
  }
}
