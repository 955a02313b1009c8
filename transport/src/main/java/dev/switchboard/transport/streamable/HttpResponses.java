package dev.switchboard.transport.streamable;

import dev.switchboard.core.protocol.JsonRpc;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * Writes complete (non-streaming) responses. Each method returns the future of the final write; writing to a response
 * that is already ended or closed gives a failed future instead of an exception.
 */
public final class HttpResponses {
  private HttpResponses() {
  }

  /** {@code status} with a JSON body and {@code Content-Type: application/json}. */
  public static Future<Void> json(HttpServerResponse resp, int status, JsonObject body) {
    if (unwritable(resp)) {
      return Future.failedFuture(new IllegalStateException("Response already ended or closed"));
    }
    return resp.setStatusCode(status)
      .putHeader(HttpHeaders.CONTENT_TYPE, MediaTypes.APPLICATION_JSON)
      .end(body.toBuffer());
  }

  /** {@code status} with a JSON-RPC error body; {@code id} may be null when the request id is unknown. */
  public static Future<Void> error(HttpServerResponse resp, int status, Object id, int code, String message) {
    return json(resp, status, JsonRpc.errorResponse(id, code, message));
  }

  /** The response for an {@link HttpFailure}: its status and a JSON-RPC error body with no id. */
  public static Future<Void> failure(HttpServerResponse resp, HttpFailure failure) {
    return error(resp, failure.status(), null, failure.jsonRpcCode(), failure.getMessage());
  }

  /** {@code status} with no body (e.g. 202 Accepted). */
  public static Future<Void> empty(HttpServerResponse resp, int status) {
    if (unwritable(resp)) {
      return Future.failedFuture(new IllegalStateException("Response already ended or closed"));
    }
    return resp.setStatusCode(status).end();
  }

  private static boolean unwritable(HttpServerResponse resp) {
    return resp.ended() || resp.closed() || resp.headWritten();
  }
}
