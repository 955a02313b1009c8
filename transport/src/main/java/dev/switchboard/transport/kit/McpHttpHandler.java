package dev.switchboard.transport.kit;

import dev.switchboard.core.protocol.JsonRpcError;
import dev.switchboard.core.protocol.ProtocolVersion;
import dev.switchboard.transport.streamable.BodyReader;
import dev.switchboard.transport.streamable.HttpFailure;
import dev.switchboard.transport.streamable.HttpResponses;
import dev.switchboard.transport.streamable.MediaTypes;
import dev.switchboard.transport.streamable.SessionIds;
import dev.switchboard.transport.streamable.SseWriter;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * The streamable-HTTP endpoint: checks path, Host/Origin, method, Accept, Content-Type, protocol-version and session
 * headers, then hands POST bodies to {@link PostHandler}, opens GET streams (or resumes a stream, see
 * {@link Resumption}) and ends sessions on DELETE. Every transport-level rejection is an {@link HttpFailure} written
 * in one place, {@link #reject}.
 */
final class McpHttpHandler implements Handler<HttpServerRequest> {
  private static final System.Logger LOG = System.getLogger(McpHttpHandler.class.getName());
  static final String SESSION_HEADER = "Mcp-Session-Id";
  static final String VERSION_HEADER = "MCP-Protocol-Version";
  static final String LAST_EVENT_ID_HEADER = "Last-Event-ID";

  private final ServerRuntime runtime;
  private final PostHandler posts;

  McpHttpHandler(ServerRuntime runtime) {
    this.runtime = runtime;
    this.posts = new PostHandler(runtime);
  }

  @Override
  public void handle(HttpServerRequest req) {
    try {
      route(req);
    } catch (HttpFailure failure) {
      reject(req, failure);
    } catch (RuntimeException e) {
      internalError(req, e);
    }
  }

  private void route(HttpServerRequest req) {
    if (!runtime.path().equals(req.path())) {
      throw HttpFailure.notFound("Not Found");
    }
    if (!runtime.guard().allows(req)) {
      throw HttpFailure.forbidden("Forbidden: invalid Host or Origin header");
    }
    HttpMethod method = req.method();
    if (HttpMethod.POST.equals(method)) {
      post(req);
    } else if (HttpMethod.GET.equals(method)) {
      get(req);
    } else if (HttpMethod.DELETE.equals(method)) {
      delete(req);
    } else {
      req.response().putHeader(HttpHeaders.ALLOW, "GET, POST, DELETE");
      throw HttpFailure.methodNotAllowed("Method Not Allowed");
    }
  }

  private void post(HttpServerRequest req) {
    if (!MediaTypes.acceptsJsonAndSse(req.getHeader(HttpHeaders.ACCEPT))) {
      throw HttpFailure.notAcceptable("Not Acceptable: the client must accept both application/json and "
        + "text/event-stream");
    }
    if (!MediaTypes.isJson(req.getHeader(HttpHeaders.CONTENT_TYPE))) {
      throw HttpFailure.unsupportedMediaType("Unsupported Media Type: Content-Type must be application/json");
    }
    checkVersionHeader(req);
    BodyReader.read(req, runtime.options().getMaxBodyBytes()).onComplete(body -> {
      if (body.failed()) {
        reject(req, body.cause() instanceof HttpFailure f ? f : HttpFailure.badRequest("Bad Request: unreadable body"));
        return;
      }
      try {
        posts.handle(req, body.result());
      } catch (HttpFailure failure) {
        reject(req, failure);
      } catch (RuntimeException e) {
        internalError(req, e);
      }
    });
  }

  private void get(HttpServerRequest req) {
    if (!MediaTypes.acceptsSse(req.getHeader(HttpHeaders.ACCEPT))) {
      req.response().putHeader(HttpHeaders.ALLOW, "POST, DELETE");
      throw HttpFailure.methodNotAllowed("Method Not Allowed: GET needs Accept: text/event-stream");
    }
    checkVersionHeader(req);
    ServerSession session = session(req, runtime);
    String lastEventId = req.getHeader(LAST_EVENT_ID_HEADER);
    if (lastEventId != null) {
      session.touch();
      Resumption.resume(session, lastEventId, req.response());
      return;
    }
    if (session.hasGetStream()) {
      throw HttpFailure.conflict("Conflict: only one GET stream is allowed per session");
    }
    session.touch();
    session.standalone().open(SseWriter.start(req.response()), true);
  }

  private void delete(HttpServerRequest req) {
    checkVersionHeader(req);
    ServerSession session = session(req, runtime);
    runtime.removeSession(session);
    HttpResponses.empty(req.response(), 200);
  }

  /** {@code MCP-Protocol-Version}: absent means 2025-03-26; any supported version is accepted, others are 400. */
  static void checkVersionHeader(HttpServerRequest req) {
    String version = req.getHeader(VERSION_HEADER);
    if (version != null && !ProtocolVersion.isSupported(version)) {
      throw HttpFailure.badRequest("Bad Request: unsupported protocol version " + version + " (supported: "
        + String.join(", ", ProtocolVersion.SUPPORTED) + ")");
    }
  }

  /** The request's session: 400 without the header, 404 when unknown or ended. */
  static ServerSession session(HttpServerRequest req, ServerRuntime runtime) {
    String id = req.getHeader(SESSION_HEADER);
    if (id == null) {
      throw HttpFailure.badRequest("Bad Request: Mcp-Session-Id header is required");
    }
    ServerSession session = SessionIds.isWellFormed(id) ? runtime.session(id) : null;
    if (session == null) {
      throw HttpFailure.notFound("Session not found");
    }
    return session;
  }

  static void reject(HttpServerRequest req, HttpFailure failure) {
    HttpResponses.failure(req.response(), failure);
  }

  private static void internalError(HttpServerRequest req, RuntimeException e) {
    LOG.log(System.Logger.Level.ERROR, "MCP request failed", e);
    if (!req.response().headWritten()) {
      HttpResponses.error(req.response(), 500, null, JsonRpcError.INTERNAL_ERROR, "Internal error");
    }
  }
}
