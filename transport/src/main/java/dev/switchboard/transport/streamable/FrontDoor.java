package dev.switchboard.transport.streamable;

import dev.switchboard.core.json.ExactJsonCodec;
import dev.switchboard.core.protocol.JsonRpcError;
import dev.switchboard.core.protocol.McpException;
import dev.switchboard.core.protocol.ProtocolVersion;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.DecodeException;

/**
 * The checks every request to an MCP endpoint passes, in order, before anything looks at sessions: Host/Origin (403),
 * method (405 with {@code Allow}), Accept (406), Content-Type (415), {@code MCP-Protocol-Version} (400), then for a
 * POST the body: size (413), JSON depth (400, -32600), parse (400, -32700). A rejection is an {@link HttpFailure} or an
 * {@link McpException}, turned into a response by {@link ErrorMapper}. The gateway endpoint and the server kit both
 * use this class, so the same bad input gets the same answer from both.
 */
public final class FrontDoor {
  /** The methods of the streamable-HTTP transport. */
  public static final String ALLOW = "GET, POST, DELETE";

  private final HostGuard guard;
  private final long maxBodyBytes;
  private final int maxJsonDepth;
  private final int maxBatchSize;
  private final Refusals refusals;

  /** Told of each request refused by the first checks ({@link #dispatch}), with the status it got. */
  @FunctionalInterface
  public interface Refusals {
    Refusals NONE = (req, status) -> { };

    void refused(HttpServerRequest req, int status);
  }

  /** @param maxBatchSize most messages in one 2025-03-26 batch (400, -32600 above) */
  public FrontDoor(HostGuard guard, long maxBodyBytes, int maxJsonDepth, int maxBatchSize) {
    this(guard, maxBodyBytes, maxJsonDepth, maxBatchSize, Refusals.NONE);
  }

  public FrontDoor(HostGuard guard, long maxBodyBytes, int maxJsonDepth, int maxBatchSize, Refusals refusals) {
    this.refusals = refusals;
    this.guard = guard;
    this.maxBodyBytes = maxBodyBytes;
    this.maxJsonDepth = maxJsonDepth;
    this.maxBatchSize = maxBatchSize;
  }

  /**
   * Framing, Host/Origin, then the method; throws {@link HttpFailure} 400 or 411 (the connection is closed after the
   * answer), 403, or 405 (with {@code Allow}).
   */
  public void checkRequest(HttpServerRequest req) {
    checkFraming(req);
    if (!guard.allows(req)) {
      throw HttpFailure.forbidden("Forbidden: Host or Origin not allowed");
    }
    HttpMethod method = req.method();
    if (!HttpMethod.POST.equals(method) && !HttpMethod.GET.equals(method) && !HttpMethod.DELETE.equals(method)) {
      req.response().putHeader(HttpHeaders.ALLOW, ALLOW);
      throw HttpFailure.methodNotAllowed("Method Not Allowed");
    }
  }

  /**
   * Runs the request's first checks ({@link #checkRequest}) and hands it to the handler of its method; whatever the
   * checks or the handler throw is answered by {@link ErrorMapper}.
   */
  public void dispatch(HttpServerRequest req, Handler<HttpServerRequest> post, Handler<HttpServerRequest> get,
                       Handler<HttpServerRequest> delete) {
    try {
      checkRequest(req);
      HttpMethod method = req.method();
      if (HttpMethod.POST.equals(method)) {
        post.handle(req);
      } else if (HttpMethod.GET.equals(method)) {
        get.handle(req);
      } else {
        delete.handle(req);
      }
    } catch (RuntimeException e) {
      int status = ErrorMapper.respond(req, e, null);
      if (e instanceof HttpFailure) {
        refusals.refused(req, status);
      }
    }
  }

  /**
   * Request framing that proxies in front of us might read differently (request smuggling, RFC 9112 sections 3.2 and
   * 6.1): more than one {@code Host} is 400; a body framed by {@code Transfer-Encoding} is 411 Length Required: the
   * HTTP decoder drops a {@code Content-Length} sent beside it, so such a request cannot be told from a smuggling
   * attempt, and every MCP client sends {@code Content-Length}. Either way the connection is closed after the answer,
   * so nothing pipelined behind the request is served.
   */
  private static void checkFraming(HttpServerRequest req) {
    if (req.version() == HttpVersion.HTTP_2) {
      return;
    }
    if (req.headers().getAll(HttpHeaders.HOST).size() > 1) {
      closeAfterAnswer(req);
      throw HttpFailure.badRequest("Bad Request: more than one Host header");
    }
    if (req.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
      closeAfterAnswer(req);
      throw new HttpFailure(411, JsonRpcError.SERVER_ERROR,
        "Length Required: send the body with Content-Length, not Transfer-Encoding");
    }
  }

  private static void closeAfterAnswer(HttpServerRequest req) {
    req.response().putHeader(HttpHeaders.CONNECTION, "close");
  }

  /** A POST must accept JSON and SSE, send JSON, and name a supported protocol version (if it names one). */
  public static void checkPost(HttpServerRequest req) {
    checkPostMedia(req);
    checkVersion(req);
  }

  /**
   * A POST must accept JSON and SSE and send JSON. (Its protocol version is checked once the body tells the era: a
   * stateless request names its version in the body, see {@code transport.stateless}.)
   */
  public static void checkPostMedia(HttpServerRequest req) {
    if (!MediaTypes.acceptsJsonAndSse(req.getHeader(HttpHeaders.ACCEPT))) {
      throw HttpFailure.notAcceptable("Not Acceptable: Accept must list application/json and text/event-stream");
    }
    if (!MediaTypes.isJson(req.getHeader(HttpHeaders.CONTENT_TYPE))) {
      throw HttpFailure.unsupportedMediaType("Unsupported Media Type: Content-Type must be application/json");
    }
  }

  /** A GET must accept SSE (406 otherwise: the endpoint does offer a stream) and name a supported version. */
  public static void checkGet(HttpServerRequest req) {
    if (!MediaTypes.acceptsSse(req.getHeader(HttpHeaders.ACCEPT))) {
      throw HttpFailure.notAcceptable("Not Acceptable: Accept must list text/event-stream");
    }
    checkVersion(req);
  }

  /** {@code MCP-Protocol-Version}: absent means 2025-03-26; a version not supported is 400. */
  public static void checkVersion(HttpServerRequest req) {
    String version = req.getHeader(McpHeaders.PROTOCOL_VERSION);
    if (version != null && !ProtocolVersion.isSupported(version)) {
      throw HttpFailure.badRequest("Bad Request: Unsupported protocol version: " + version + " (supported: "
        + String.join(", ", ProtocolVersion.SUPPORTED) + ")");
    }
  }

  /** The {@code Mcp-Session-Id} of a request: 400 when absent, 404 when it cannot be one of ours. */
  public static String sessionId(HttpServerRequest req) {
    String sessionId = req.getHeader(McpHeaders.SESSION_ID);
    if (sessionId == null) {
      throw HttpFailure.badRequest("Bad Request: Mcp-Session-Id header is required");
    }
    if (!SessionIds.isWellFormed(sessionId)) {
      throw new HttpFailure(404, JsonRpcError.UNAVAILABLE, "Session not found");
    }
    return sessionId;
  }

  /** Reads and parses a POST body: 413 over the size bound, -32600 too deep, -32700 not JSON. */
  public Future<PostBody> readPost(HttpServerRequest req) {
    return BodyReader.read(req, maxBodyBytes).map(this::parse);
  }

  private PostBody parse(Buffer body) {
    if (JsonDepth.exceeds(body, maxJsonDepth)) {
      throw new McpException(JsonRpcError.INVALID_REQUEST,
        "Invalid Request: JSON nested deeper than " + maxJsonDepth + " levels");
    }
    Object value;
    try {
      value = ExactJsonCodec.decodeMessage(body);
    } catch (DecodeException e) {
      throw new McpException(JsonRpcError.PARSE_ERROR, "Parse error: body is not valid JSON");
    }
    return PostBody.of(value, maxBatchSize);
  }
}
