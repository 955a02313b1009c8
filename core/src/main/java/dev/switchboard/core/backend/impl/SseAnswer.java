package dev.switchboard.core.backend.impl;

import dev.switchboard.core.backend.BackendException;
import dev.switchboard.core.protocol.JsonRpc;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;

/**
 * Reads the answer to one request from an SSE stream, resuming the stream when it ends early (spec 2025-11-25,
 * SEP-1699 polling): if a connection ends or drops before the response and an event carried an id, it waits the
 * stream's last {@code retry:} ({@value #DEFAULT_RETRY_MILLIS} ms when none, at most {@value #MAX_RETRY_MILLIS} ms)
 * and reconnects through a {@link Resumption} with {@code Last-Event-ID}, at most {@value #MAX_RECONNECTS} times;
 * the request's own timer bounds the whole. Without an event id it fails as before: PROTOCOL when the stream ended,
 * the transport failure when it dropped. Once the response is read, a stream the backend keeps open for more than
 * {@value #END_GRACE_MILLIS} ms is reset.
 *
 * <p>One instance per request; all callbacks run on the exchange's context.
 */
final class SseAnswer {
  /** Wait before reconnecting when the stream announced no {@code retry:}. */
  static final long DEFAULT_RETRY_MILLIS = 1000;
  /** Longest wait before reconnecting, whatever the stream announced. */
  static final long MAX_RETRY_MILLIS = 5000;
  /** Most reconnections for one request. */
  static final int MAX_RECONNECTS = 10;
  /**
   * How long a stream may stay open after its response before it is reset (closing its connection). Backends end
   * the stream right after the response; waiting for that end keeps the keep-alive connection for the next request.
   */
  static final long END_GRACE_MILLIS = 2000;

  private final Vertx vertx;
  private final ResponseReader request;
  private final Resumption resumption;
  private final String backend;
  private final Promise<JsonObject> promise = Promise.promise();
  private String lastEventId = "";
  private long retry = -1;
  private int reconnects;
  private HttpClientResponse current;
  private Future<Void> currentEnd;

  /**
   * @param request    what the answer is for (id, message delivery, abandonment)
   * @param resumption reopens the stream; null never to resume
   */
  SseAnswer(Vertx vertx, ResponseReader request, Resumption resumption) {
    this.vertx = vertx;
    this.request = request;
    this.resumption = resumption;
    this.backend = request.backend();
  }

  /** Reads the response message, starting with this stream. */
  Future<JsonObject> read(HttpClientResponse response) {
    promise.future().onSuccess(message -> {
      if (currentEnd.isComplete()) {
        return;
      }
      HttpClientResponse open = current;
      long timer = vertx.setTimer(END_GRACE_MILLIS, fired -> BoundedBodies.abandon(open));
      currentEnd.onComplete(ended -> vertx.cancelTimer(timer));
    });
    readConnection(response);
    return promise.future();
  }

  private void readConnection(HttpClientResponse response) {
    current = response;
    SseParser parser = new SseParser(event -> onEvent(event, response), BoundedBodies.MAX_JSON_BYTES, lastEventId,
      retry);
    boolean[] ended = {false};
    response.exceptionHandler(cause -> {
      if (!ended[0]) {
        ended[0] = true;
        ended(parser, cause);
      }
    });
    response.handler(chunk -> {
      if (ended[0] || isOver()) {
        return;
      }
      try {
        parser.feed(chunk);
      } catch (IllegalStateException e) {
        fail(response, new BackendException(backend, BackendException.Kind.PROTOCOL, e.getMessage(), e));
      }
    });
    currentEnd = response.end();
    currentEnd.onComplete(done -> {
      if (!ended[0]) {
        ended[0] = true;
        ended(parser, done.failed() ? done.cause() : null);
      }
    });
  }

  /** A connection ended cleanly ({@code cause} null) or dropped, with no response read. */
  private void ended(SseParser parser, Throwable cause) {
    if (isOver()) {
      return;
    }
    lastEventId = parser.lastEventId();
    retry = parser.retry();
    if (resumption == null || !BackendHeaders.isSendableEventId(lastEventId)) {
      promise.tryFail(cause != null ? cause : FailureClassifier.protocol(backend,
        "event stream ended without the response to request " + request.shownId()));
      return;
    }
    retryOrFail(cause);
  }

  private void retryOrFail(Throwable cause) {
    if (reconnects >= MAX_RECONNECTS) {
      promise.tryFail(cause != null ? cause : FailureClassifier.protocol(backend, "event stream ended without the response"
        + " to request " + request.shownId() + " after " + MAX_RECONNECTS + " resumptions"));
      return;
    }
    long delay = retry < 0 ? DEFAULT_RETRY_MILLIS : Math.min(retry, MAX_RETRY_MILLIS);
    vertx.setTimer(Math.max(1, delay), fired -> reconnect());
  }

  private void reconnect() {
    if (isOver()) {
      return;
    }
    reconnects++;
    resumption.reconnect(lastEventId).onComplete(done -> {
      if (done.failed()) {
        Throwable failure = FailureClassifier.classify(backend, done.cause());
        if (failure instanceof BackendException e && e.kind() == BackendException.Kind.UNREACHABLE && !isOver()) {
          retryOrFail(failure);
        } else {
          promise.tryFail(failure);
        }
        return;
      }
      HttpClientResponse response = done.result();
      String type = MessageDecoding.mediaType(response.getHeader(HttpHeaders.CONTENT_TYPE));
      if (isOver()) {
        BoundedBodies.abandon(response);
      } else if (!type.equals(BackendHeaders.EVENT_STREAM)) {
        fail(response, FailureClassifier.protocol(backend, "resumed stream answered HTTP " + response.statusCode() + " with "
          + (type.isEmpty() ? "no content type" : "content type '" + FailureClassifier.snippet(type, 64) + "'")));
      } else {
        readConnection(response);
      }
    });
  }

  private void onEvent(SseEvent event, HttpClientResponse response) {
    if (isOver() || event.isBlank()) {
      return;
    }
    JsonObject message;
    try {
      message = MessageDecoding.decode(backend, event.data(), "event data");
    } catch (BackendException e) {
      fail(response, e);
      return;
    }
    if (JsonRpc.isResponse(message)) {
      if (request.isOurResponse(message)) {
        promise.tryComplete(message);
      } else {
        fail(response, FailureClassifier.protocol(backend, "event stream carried a response to another request"));
      }
    } else if (message.containsKey("method")) {
      request.deliver(message);
    } else {
      fail(response, FailureClassifier.protocol(backend, "event data is not a JSON-RPC message"));
    }
  }

  private void fail(HttpClientResponse response, BackendException failure) {
    if (promise.tryFail(failure)) {
      BoundedBodies.abandon(response);
    }
  }

  private boolean isOver() {
    return promise.future().isComplete() || request.abandoned();
  }
}
