package dev.switchboard.core.backend.impl;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * Bounded ways to consume an HTTP response body. Each registers its handlers at once, so call them from the callback
 * that delivered the response. A body over its bound resets the request (closing the connection) rather than
 * buffering it.
 */
final class BoundedBodies {
  private static final System.Logger LOG = System.getLogger(BoundedBodies.class.getName());
  /** Largest JSON response body accepted. */
  static final int MAX_JSON_BYTES = 16 * 1024 * 1024;
  /** Largest body drained (and discarded) to keep a connection reusable. */
  static final int MAX_DISCARD_BYTES = 1024 * 1024;

  private BoundedBodies() {
  }

  /** The most {@link #collect} reserves for a body before it arrives. */
  static final int PRESIZE_LIMIT = 1 << 20;

  /** Collects the whole body, failing with PROTOCOL when it exceeds {@code maxBytes}. */
  static Future<Buffer> collect(HttpClientResponse response, String backend, int maxBytes) {
    Promise<Buffer> promise = Promise.promise();
    long declared = declaredLength(response);
    if (declared > maxBytes) {
      tooLarge(response, promise, backend, maxBytes);
      return promise.future();
    }
    // sized once when the length is declared (growing by doubling copies a large body several times), but no more
    // than PRESIZE_LIMIT before the bytes arrive: a backend declaring 16 MiB and sending nothing costs little
    Buffer body = Buffer.buffer(declared > 0 ? (int) Math.min(declared, PRESIZE_LIMIT) : 256);
    response.exceptionHandler(promise::tryFail);
    response.handler(chunk -> {
      if (promise.future().isComplete()) {
        return;
      }
      if (body.length() + chunk.length() > maxBytes) {
        tooLarge(response, promise, backend, maxBytes);
      } else {
        body.appendBuffer(chunk);
      }
    });
    response.end().onComplete(done -> {
      if (done.succeeded()) {
        promise.tryComplete(body);
      } else {
        promise.tryFail(done.cause());
      }
    });
    return promise.future();
  }

  /** Reads and drops the body; completes when it has ended. */
  static Future<Void> discard(HttpClientResponse response, String backend) {
    return collectHead(response, backend, 0).mapEmpty();
  }

  /**
   * Fails with the status error for an unaccepted response ({@link FailureClassifier#status}), quoting the start of its body
   * once the body has ended; {@code redact} removes credentials the backend might echo.
   */
  static <T> Future<T> reject(HttpClientResponse response, String backend, String sessionId,
                              UnaryOperator<String> redact) {
    int status = response.statusCode();
    return collectHead(response, backend, FailureClassifier.SNIPPET_CHARS * 4)
      .transform(head -> {
        String text = head.succeeded() ? redact.apply(head.result().toString(StandardCharsets.UTF_8)) : "";
        return Future.failedFuture(FailureClassifier.status(backend, sessionId, status, FailureClassifier.snippet(text,
          FailureClassifier.SNIPPET_CHARS)));
      });
  }

  /** Keeps the first {@code keepBytes} of the body and drains the rest, up to {@link #MAX_DISCARD_BYTES}. */
  private static Future<Buffer> collectHead(HttpClientResponse response, String backend, int keepBytes) {
    Promise<Buffer> promise = Promise.promise();
    Buffer head = Buffer.buffer();
    long[] seen = {0};
    response.exceptionHandler(promise::tryFail);
    response.handler(chunk -> {
      if (promise.future().isComplete()) {
        return;
      }
      seen[0] += chunk.length();
      if (seen[0] > MAX_DISCARD_BYTES) {
        tooLarge(response, promise, backend, MAX_DISCARD_BYTES);
      } else if (head.length() < keepBytes) {
        head.appendBuffer(chunk, 0, Math.min(chunk.length(), keepBytes - head.length()));
      }
    });
    response.end().onComplete(done -> {
      if (done.succeeded()) {
        promise.tryComplete(head);
      } else {
        promise.tryFail(done.cause());
      }
    });
    return promise.future();
  }

  private static void tooLarge(HttpClientResponse response, Promise<?> promise, String backend, int maxBytes) {
    if (promise.tryFail(FailureClassifier.protocol(backend, "response body exceeds " + maxBytes + " bytes"))) {
      abandon(response);
    }
  }

  /**
   * Resets the request of a response whose outcome is already decided, closing its connection. The reset's own
   * "stream reset" exception is then expected and only logged at debug level.
   */
  static void abandon(HttpClientResponse response) {
    response.exceptionHandler(e -> LOG.log(Level.DEBUG, "abandoned response: " + e.getMessage()));
    response.request().reset();
  }

  private static long declaredLength(HttpClientResponse response) {
    String value = response.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (value == null) {
      return -1;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
