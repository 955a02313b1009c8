package dev.switchboard.core.backend.impl;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.function.Function;

/**
 * One HTTP exchange with a backend under a hard timer, from send to final result. The exchange runs on one Vert.x
 * context (the caller's, or a fresh event-loop context when called from elsewhere), so the timer and the response
 * callbacks never race; the result is a thread-safe {@link Future}. On expiry the request is reset (closing its
 * connection), the future fails with TIMEOUT, and {@code onTimeout} runs if the request had been sent.
 *
 * @param <T> what the response is read into
 */
final class Exchange<T> {
  private final Vertx vertx;
  private final String backend;
  private final Duration timeout;
  private final Promise<T> promise = Promise.promise();
  private HttpClientRequest request;

  Exchange(Vertx vertx, String backend, Duration timeout) {
    this.vertx = vertx;
    this.backend = backend;
    this.timeout = timeout;
  }

  /** True once the exchange has a result (success, failure or timeout). */
  boolean isDone() {
    return promise.future().isComplete();
  }

  /**
   * Sends the request and reads its response.
   *
   * @param reader    reads the response; must register its handlers before returning
   * @param onTimeout runs after a timeout if the request was sent (e.g. to send {@code notifications/cancelled})
   */
  Future<T> run(HttpClientAgent client, RequestOptions options, Buffer body,
                Function<HttpClientResponse, Future<T>> reader, Runnable onTimeout) {
    Context context = vertx.getOrCreateContext();
    if (Vertx.currentContext() == context) {
      start(client, options, body, reader, onTimeout);
    } else {
      context.runOnContext(ignored -> start(client, options, body, reader, onTimeout));
    }
    return promise.future();
  }

  private void start(HttpClientAgent client, RequestOptions options, Buffer body,
                     Function<HttpClientResponse, Future<T>> reader, Runnable onTimeout) {
    long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), fired -> expire(onTimeout));
    client.request(options)
      .compose(created -> {
        if (isDone()) {
          created.reset();
          return Future.failedFuture(Failures.timeout(backend, timeout));
        }
        request = created;
        return body == null ? created.send() : created.send(body);
      })
      .compose(reader)
      .onComplete(done -> {
        vertx.cancelTimer(timer);
        if (done.succeeded()) {
          promise.tryComplete(done.result());
        } else {
          promise.tryFail(Failures.classify(backend, done.cause()));
        }
      });
  }

  private void expire(Runnable onTimeout) {
    if (!promise.tryFail(Failures.timeout(backend, timeout))) {
      return;
    }
    if (request != null) {
      request.reset();
      onTimeout.run();
    }
  }
}
