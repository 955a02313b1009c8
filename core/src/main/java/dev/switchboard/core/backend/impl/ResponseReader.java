package dev.switchboard.core.backend.impl;

import dev.switchboard.core.protocol.JsonRpc;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import java.util.function.BooleanSupplier;

/**
 * Reads the answer to one JSON-RPC request from a 2xx response: either one JSON object
 * ({@code application/json}) or an SSE stream ({@code text/event-stream}, read by {@link SseAnswer}) that may carry
 * requests and notifications before the response, and that may be resumed when it ends early. Completes with the
 * JSON-RPC response message whose id is ours; anything else fails with PROTOCOL.
 */
final class ResponseReader {
  private final Vertx vertx;
  private final String backend;
  private final Object id;
  private final Handler<JsonObject> onMessage;
  private final BooleanSupplier abandoned;
  private final Resumption resumption;

  /**
   * A reader whose event streams are not resumed.
   *
   * @param id        the request id to wait for
   * @param onMessage receives requests and notifications from the stream, in order; may be null
   * @param abandoned true once the exchange gave up (timed out or cancelled), after which nothing more is delivered
   */
  ResponseReader(Vertx vertx, String backend, Object id, Handler<JsonObject> onMessage, BooleanSupplier abandoned) {
    this(vertx, backend, id, onMessage, abandoned, null);
  }

  /**
   * @param resumption reopens an event stream that ended after an event with an id; null to fail instead
   */
  ResponseReader(Vertx vertx, String backend, Object id, Handler<JsonObject> onMessage, BooleanSupplier abandoned,
                 Resumption resumption) {
    this.vertx = vertx;
    this.backend = backend;
    this.id = id;
    this.onMessage = onMessage;
    this.abandoned = abandoned;
    this.resumption = resumption;
  }

  /** Reads the response message from a response whose status was accepted. */
  Future<JsonObject> read(HttpClientResponse response) {
    String type = MessageDecoding.mediaType(response.getHeader(HttpHeaders.CONTENT_TYPE));
    if (type.equals(BackendHeaders.JSON)) {
      return BoundedBodies.collect(response, backend, BoundedBodies.MAX_JSON_BYTES).compose(this::readJsonBody);
    }
    if (type.equals(BackendHeaders.EVENT_STREAM)) {
      return new SseAnswer(vertx, this, resumption).read(response);
    }
    BoundedBodies.abandon(response);
    String shown = type.isEmpty() ? "no content type" : "content type '" + FailureClassifier.snippet(type, 64) + "'";
    return Future.failedFuture(FailureClassifier.protocol(backend, "expected a JSON-RPC response but got HTTP "
      + response.statusCode() + " with " + shown));
  }

  String backend() {
    return backend;
  }

  /** True once the exchange gave up on the request. */
  boolean abandoned() {
    return abandoned.getAsBoolean();
  }

  /** Passes a request or notification from the stream on. */
  void deliver(JsonObject message) {
    MessageDecoding.deliver(backend, onMessage, message);
  }

  /** True for the response to our request. */
  boolean isOurResponse(JsonObject message) {
    return JsonRpc.isResponse(message) && RequestIds.matches(id, message.getValue("id"));
  }

  /** The request id, made safe for a message. */
  String shownId() {
    return FailureClassifier.snippet(String.valueOf(id), 64);
  }

  private Future<JsonObject> readJsonBody(Buffer body) {
    JsonObject message = MessageDecoding.decode(backend, body, "response body");
    if (!isOurResponse(message)) {
      return Future.failedFuture(FailureClassifier.protocol(backend, "response body is not the response to request "
        + shownId()));
    }
    return Future.succeededFuture(message);
  }
}
