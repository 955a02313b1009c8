package dev.switchboard.core.backend.impl;

import dev.switchboard.core.backend.BackendException;
import dev.switchboard.core.protocol.JsonRpc;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Reads the answer to one JSON-RPC request from a 2xx response: either one JSON object
 * ({@code application/json}) or an SSE stream ({@code text/event-stream}) that may carry requests and notifications
 * before the response. Completes with the JSON-RPC response message whose id is ours; anything else fails with
 * PROTOCOL. Once the response is read, a stream that the backend keeps open is reset.
 */
final class ResponseReader {
  private static final System.Logger LOG = System.getLogger(ResponseReader.class.getName());

  private final Vertx vertx;
  private final String backend;
  private final Object id;
  private final Handler<JsonObject> onMessage;
  private final BooleanSupplier abandoned;

  /**
   * @param id        the request id to wait for
   * @param onMessage receives requests and notifications from the stream, in order; may be null
   * @param abandoned true once the exchange gave up (timed out), after which nothing more is delivered
   */
  ResponseReader(Vertx vertx, String backend, Object id, Handler<JsonObject> onMessage, BooleanSupplier abandoned) {
    this.vertx = vertx;
    this.backend = backend;
    this.id = id;
    this.onMessage = onMessage;
    this.abandoned = abandoned;
  }

  /** Reads the response message from a response whose status was accepted. */
  Future<JsonObject> read(HttpClientResponse response) {
    String type = mediaType(response.getHeader(HttpHeaders.CONTENT_TYPE));
    if (type.equals("application/json")) {
      return Bodies.collect(response, backend, Bodies.MAX_JSON_BYTES).compose(this::readJsonBody);
    }
    if (type.equals("text/event-stream")) {
      return readStream(response);
    }
    Bodies.abandon(response);
    String shown = type.isEmpty() ? "no content type" : "content type '" + Failures.snippet(type, 64) + "'";
    return Future.failedFuture(Failures.protocol(backend, "expected a JSON-RPC response but got HTTP "
      + response.statusCode() + " with " + shown));
  }

  private Future<JsonObject> readJsonBody(Buffer body) {
    JsonObject message = decode(body, "response body");
    if (!isOurResponse(message)) {
      return Future.failedFuture(Failures.protocol(backend, "response body is not the response to request " + shownId()));
    }
    return Future.succeededFuture(message);
  }

  private Future<JsonObject> readStream(HttpClientResponse response) {
    Promise<JsonObject> promise = Promise.promise();
    response.exceptionHandler(promise::tryFail);
    SseParser parser = new SseParser(event -> onEvent(event.data(), promise, response), Bodies.MAX_JSON_BYTES);
    response.handler(chunk -> {
      if (promise.future().isComplete() || abandoned.getAsBoolean()) {
        return;
      }
      try {
        parser.feed(chunk);
      } catch (IllegalStateException e) {
        fail(promise, response, new BackendException(backend, BackendException.Kind.PROTOCOL, e.getMessage(), e));
      }
    });
    Future<Void> end = response.end();
    end.onComplete(done -> {
      if (done.succeeded()) {
        promise.tryFail(Failures.protocol(backend, "event stream ended without the response to request " + shownId()));
      } else {
        promise.tryFail(done.cause());
      }
    });
    promise.future().onSuccess(message -> vertx.runOnContext(next -> {
      if (!end.isComplete()) {
        Bodies.abandon(response);
      }
    }));
    return promise.future();
  }

  private void onEvent(String data, Promise<JsonObject> promise, HttpClientResponse response) {
    if (promise.future().isComplete() || data.isBlank()) {
      return;
    }
    JsonObject message;
    try {
      message = decode(Buffer.buffer(data), "event data");
    } catch (BackendException e) {
      fail(promise, response, e);
      return;
    }
    if (JsonRpc.isResponse(message)) {
      if (isOurResponse(message)) {
        promise.tryComplete(message);
      } else {
        fail(promise, response, "event stream carried a response to another request");
      }
    } else if (message.containsKey("method")) {
      deliver(message);
    } else {
      fail(promise, response, "event data is not a JSON-RPC message");
    }
  }

  private void deliver(JsonObject message) {
    if (onMessage == null) {
      return;
    }
    try {
      onMessage.handle(message);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "backend '" + backend + "': onMessage handler failed for '"
        + Failures.snippet(String.valueOf(message.getValue("method")), 64) + "'", e);
    }
  }

  private void fail(Promise<JsonObject> promise, HttpClientResponse response, String message) {
    fail(promise, response, Failures.protocol(backend, message));
  }

  private void fail(Promise<JsonObject> promise, HttpClientResponse response, BackendException failure) {
    if (promise.tryFail(failure)) {
      Bodies.abandon(response);
    }
  }

  private boolean isOurResponse(JsonObject message) {
    return JsonRpc.isResponse(message) && RequestIds.matches(id, message.getValue("id"));
  }

  private String shownId() {
    return Failures.snippet(String.valueOf(id), 64);
  }

  /** Decodes one JSON object or throws PROTOCOL naming {@code what} was not one. */
  private JsonObject decode(Buffer body, String what) {
    Object value;
    try {
      value = Json.decodeValue(body);
    } catch (DecodeException e) {
      throw new BackendException(backend, BackendException.Kind.PROTOCOL, what + " is not valid JSON", e);
    }
    if (value instanceof JsonObject object) {
      return object;
    }
    throw Failures.protocol(backend, what + " is not a JSON object");
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.trim().toLowerCase(Locale.ROOT);
  }
}
