package dev.switchboard.transport.streamable;

import dev.switchboard.core.protocol.JsonRpc;
import dev.switchboard.core.protocol.JsonRpcError;
import dev.switchboard.core.protocol.McpException;
import dev.switchboard.session.SessionStoreException;
import dev.switchboard.transport.limits.LimitExceeded;
import dev.switchboard.transport.session.SessionFailure;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeoutException;

/**
 * The one place where a failure becomes an answer: an HTTP status and a JSON-RPC error object. Protocol errors keep
 * their code; failures of the gateway's own dependencies become retryable 503s; anything unexpected is a 500 that
 * is logged and says nothing of internals.
 */
public final class ErrorMapper {
  private static final System.Logger LOG = System.getLogger(ErrorMapper.class.getName());

  private ErrorMapper() {
  }

  /** An HTTP status and a JSON-RPC error response body. */
  public record Answer(int status, JsonObject body, boolean retryable) {
  }

  /**
   * Answers a request with the response for {@code failure}; nothing is written when the response's head is already
   * out (an SSE stream that broke off) or the connection is gone.
   *
   * @param id the JSON-RPC id of the request the failure concerns, when known
   * @return the HTTP status the failure maps to (whether or not it could still be written)
   */
  public static int respond(HttpServerRequest req, Throwable failure, Object id) {
    Answer answer = map(failure, id);
    HttpServerResponse resp = req.response();
    if (resp.ended() || resp.closed() || resp.headWritten()) {
      return answer.status();
    }
    if (answer.retryable()) {
      resp.putHeader(HttpHeaders.RETRY_AFTER, "1");
    }
    boolean close = "close".equalsIgnoreCase(resp.headers().get(HttpHeaders.CONNECTION));
    resp.setStatusCode(answer.status()).putHeader(HttpHeaders.CONTENT_TYPE, MediaTypes.APPLICATION_JSON)
      .end(answer.body().toBuffer())
      .onComplete(done -> {
        if (close) {
          req.connection().close();
        }
      });
    return answer.status();
  }

  /** The JSON-RPC error object for a failure, for an answer that already has its HTTP status (a stream, a batch). */
  public static JsonObject errorObject(Throwable failure) {
    return map(failure, null).body().getJsonObject("error");
  }

  /** The answer for a failure: its HTTP status and JSON-RPC error response. */
  public static Answer map(Throwable failure, Object id) {
    if (failure instanceof HttpFailure http) {
      return new Answer(http.status(),
        JsonRpc.errorResponse(id, JsonRpc.errorObject(http.jsonRpcCode(), http.getMessage(), http.data())), false);
    }
    if (failure instanceof SessionFailure session) {
      int status = session.kind() == SessionFailure.Kind.NOT_FOUND ? 404 : 403;
      int code = session.kind() == SessionFailure.Kind.NOT_FOUND ? JsonRpcError.UNAVAILABLE : JsonRpcError.SERVER_ERROR;
      return new Answer(status, JsonRpc.errorResponse(id, code, session.getMessage()), false);
    }
    if (failure instanceof JsonRpcMessage.InvalidMessage invalid) {
      return new Answer(400, JsonRpc.errorResponse(invalid.id(), invalid.toErrorObject()), false);
    }
    if (failure instanceof McpException mcp) {
      // a missing client capability is 400 whoever finds it (MCP 2026-07-28); other protocol errors of a request
      // that was read are answered in-band
      int status = mcp.code() == JsonRpcError.PARSE_ERROR || mcp.code() == JsonRpcError.INVALID_REQUEST
        || mcp.code() == JsonRpcError.MISSING_CLIENT_CAPABILITY ? 400
        : mcp.code() == JsonRpcError.FORBIDDEN ? 403 : 200;
      return new Answer(status, JsonRpc.errorResponse(id, mcp.toErrorObject()), false);
    }
    if (failure instanceof LimitExceeded) {
      return unavailable(id, failure.getMessage());
    }
    if (failure instanceof SessionStoreException) {
      LOG.log(System.Logger.Level.WARNING, "session store unavailable: {0}", failure.getMessage());
      return unavailable(id, "Session store unavailable; retry shortly");
    }
    if (failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
      // core failed with a JSON-RPC code (see CoreAddress): a protocol error, not a reason to retry
      return map(new McpException(reply.failureCode(), reply.getMessage()), id);
    }
    if (failure instanceof ReplyException || failure instanceof TimeoutException) {
      LOG.log(System.Logger.Level.WARNING, "core did not answer in time: {0}", failure.getMessage());
      return unavailable(id, "Gateway busy; retry shortly");
    }
    LOG.log(System.Logger.Level.ERROR, "unexpected failure", failure);
    return new Answer(500, JsonRpc.errorResponse(id, JsonRpcError.INTERNAL_ERROR, "Internal error"), false);
  }

  private static Answer unavailable(Object id, String message) {
    JsonObject error = JsonRpc.errorObject(JsonRpcError.UNAVAILABLE, message, new JsonObject().put("retryable", true));
    return new Answer(503, JsonRpc.errorResponse(id, error), true);
  }
}
