package dev.switchboard.core.backend.impl;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Attempts to open a session's GET event stream, for {@link ListenStream}: the backend must answer within the
 * request timeout, and the open stream is closed when silent for {@value #IDLE_TIMEOUT_MILLIS} ms (the caller then
 * reconnects). Succeeds with a 2xx {@code text/event-stream} response whose body is still unread. A non-2xx answer
 * fails with a {@link Refused} carrying its status; {@link #isFinal} tells which failures should stop the stream.
 */
final class StreamAttempt {
  /** A stream connection that receives nothing (not even a comment) for this long is dropped and reopened. */
  static final long IDLE_TIMEOUT_MILLIS = 5 * 60_000;

  private final Vertx vertx;
  private final HttpClientAgent client;
  private final String backend;
  private final Duration timeout;
  private final BiFunction<String, String, RequestOptions> request;
  private final UnaryOperator<String> redact;

  /**
   * @param client  the client whose pool the streams use
   * @param timeout how long the backend may take to answer the GET
   * @param request builds the GET for a session id and a last event id ({@code ""} for none)
   * @param redact  removes credentials from quoted response bodies
   */
  StreamAttempt(Vertx vertx, HttpClientAgent client, String backend, Duration timeout,
                BiFunction<String, String, RequestOptions> request, UnaryOperator<String> redact) {
    this.vertx = vertx;
    this.client = client;
    this.backend = backend;
    this.timeout = timeout;
    this.request = request;
    this.redact = redact;
  }

  /**
   * Sends the GET; call on the stream's context.
   *
   * @param onRequest receives the HTTP request once created, so that the caller can reset it to close the stream
   */
  Future<HttpClientResponse> connect(String sessionId, String lastEventId, Consumer<HttpClientRequest> onRequest) {
    RequestOptions options = request.apply(sessionId, lastEventId).setIdleTimeout(IDLE_TIMEOUT_MILLIS);
    Promise<HttpClientResponse> promise = Promise.promise();
    HttpClientRequest[] sent = {null};
    long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), fired -> {
      if (promise.tryFail(FailureClassifier.timeout(backend, timeout)) && sent[0] != null) {
        sent[0].reset();
      }
    });
    client.request(options)
      .compose(created -> {
        if (promise.future().isComplete()) {
          created.reset();
          return Future.failedFuture(promise.future().cause());
        }
        sent[0] = created;
        onRequest.accept(created);
        return created.send();
      })
      .compose(response -> accept(response, sessionId))
      .onComplete(done -> {
        vertx.cancelTimer(timer);
        if (done.failed()) {
          promise.tryFail(done.cause() instanceof Refused ? done.cause() : FailureClassifier.classify(backend, done.cause()));
        } else if (!promise.tryComplete(done.result())) {
          BoundedBodies.abandon(done.result());
        }
      });
    return promise.future();
  }

  /** True for a 405: the backend offers no GET stream. */
  static boolean isUnsupported(Throwable failure) {
    return failure instanceof Refused refused && refused.status == 405;
  }

  /**
   * True when reconnecting is pointless: a client error status other than 408 and 429 (404 means the session is
   * gone). Server errors, transport failures and timeouts are worth another attempt.
   */
  static boolean isFinal(Throwable failure) {
    return failure instanceof Refused refused && refused.status / 100 == 4 && refused.status != 408
      && refused.status != 429;
  }

  /** The failure to report for an attempt's failure. */
  static Throwable reported(Throwable failure) {
    return failure instanceof Refused refused ? refused.failure : failure;
  }

  private Future<HttpClientResponse> accept(HttpClientResponse response, String sessionId) {
    int status = response.statusCode();
    if (status / 100 != 2) {
      return BoundedBodies.<HttpClientResponse>reject(response, backend, sessionId, redact)
        .recover(failure -> Future.failedFuture(new Refused(status, failure)));
    }
    String type = MessageDecoding.mediaType(response.getHeader(HttpHeaders.CONTENT_TYPE));
    if (!type.equals(BackendHeaders.EVENT_STREAM)) {
      BoundedBodies.abandon(response);
      return Future.failedFuture(FailureClassifier.protocol(backend, "session stream answered HTTP " + status + " with "
        + (type.isEmpty() ? "no content type" : "content type '" + FailureClassifier.snippet(type, 64) + "'")));
    }
    return Future.succeededFuture(response);
  }

  /** A non-2xx answer: its status and the failure that describes it (from {@link FailureClassifier#status}). */
  static final class Refused extends RuntimeException {
    private final int status;
    private final Throwable failure;

    Refused(int status, Throwable failure) {
      super(failure.getMessage(), failure, false, false);
      this.status = status;
      this.failure = failure;
    }
  }
}
