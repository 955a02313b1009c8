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
import io.vertx.core.internal.ContextInternal;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One exchange with a backend under a hard timer, from send to final result: usually one HTTP request, or several
 * made one after the other with {@link #send} (a POST whose event stream is resumed with GETs). The exchange runs on
 * one Vert.x context (its creator's, or a fresh event-loop context when created elsewhere), so the timer and the
 * response callbacks never race; the result is a thread-safe {@link Future}. On expiry the current request is reset
 * (closing its connection), the future fails with TIMEOUT, and {@code onTimeout} runs if a request had been sent.
 * {@link #abort} ends it early from any thread.
 *
 * @param <T> what the response is read into
 */
final class Exchange<T> {
  private final String backend;
  private final Duration timeout;
  private final Context context;
  private final Promise<T> promise = Promise.promise();
  private HttpClientRequest request;

  Exchange(Vertx vertx, String backend, Duration timeout) {
    this.backend = backend;
    this.timeout = timeout;
    this.context = vertx.getOrCreateContext();
  }

  /** True once the exchange has a result (success, failure, timeout or abort). */
  boolean isDone() {
    return promise.future().isComplete();
  }

  /** The exchange's result. */
  Future<T> future() {
    return promise.future();
  }

  /**
   * Sends one request and reads its response.
   *
   * @param reader    reads the response; must register its handlers before returning
   * @param onTimeout runs after a timeout if the request was sent (e.g. to send {@code notifications/cancelled})
   */
  Future<T> run(HttpClientAgent client, RequestOptions options, Buffer body,
                Function<HttpClientResponse, Future<T>> reader, Runnable onTimeout) {
    return run(() -> send(client, options, body).compose(reader), onTimeout);
  }

  /**
   * Runs {@code steps} on the exchange's context under the timer. The steps make their HTTP requests with
   * {@link #send}, so that a timeout or an abort resets whichever one is current.
   *
   * @param onTimeout runs after a timeout if a request was sent
   */
  Future<T> run(Supplier<Future<T>> steps, Runnable onTimeout) {
    onContext(() -> start(steps, onTimeout));
    return promise.future();
  }

  /**
   * Sends one HTTP request of this exchange; call it on the exchange's context from the steps given to
   * {@link #run(Supplier, Runnable)} or from a reader. Fails without sending once the exchange is done.
   */
  Future<HttpClientResponse> send(HttpClientAgent client, RequestOptions options, Buffer body) {
    if (isDone()) {
      return Future.failedFuture(promise.future().cause());
    }
    return client.request(options).compose(created -> {
      if (isDone()) {
        created.reset();
        return Future.failedFuture(promise.future().cause());
      }
      request = created;
      return body == null ? created.send() : created.send(body);
    });
  }

  /**
   * Ends the exchange with {@code failure} unless it already has a result, and resets its current request (closing
   * an event stream it was reading). Thread-safe; the future fails on the exchange's context.
   */
  void abort(Throwable failure) {
    onContext(() -> {
      if (promise.tryFail(failure) && request != null) {
        request.reset();
      }
    });
  }

  /**
   * Starts the steps under the timer. The timer is a task on the context's Netty event loop rather than a Vert.x
   * timer: almost every exchange cancels it, and a Vert.x timer also registers in a map shared by all event loops and
   * takes an id from a shared counter. When it fires, the expiry runs on the exchange's context.
   */
  private void start(Supplier<Future<T>> steps, Runnable onTimeout) {
    ScheduledFuture<?> timer = ((ContextInternal) context).nettyEventLoop().schedule(
      () -> context.runOnContext(fired -> expire(onTimeout)), Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
    Future<T> result;
    try {
      result = steps.get();
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result.onComplete(done -> {
      timer.cancel(false);
      if (done.succeeded()) {
        promise.tryComplete(done.result());
      } else {
        promise.tryFail(FailureClassifier.classify(backend, done.cause()));
      }
    });
  }

  private void expire(Runnable onTimeout) {
    if (!promise.tryFail(FailureClassifier.timeout(backend, timeout))) {
      return;
    }
    if (request != null) {
      request.reset();
      onTimeout.run();
    }
  }

  private void onContext(Runnable task) {
    if (Vertx.currentContext() == context) {
      task.run();
    } else {
      context.runOnContext(ignored -> task.run());
    }
  }
}
