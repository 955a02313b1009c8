package dev.switchboard.core.backend.impl;

import dev.switchboard.core.backend.BackendException;
import dev.switchboard.core.backend.BackendStream;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * The session streams ({@link ListenStream}) of one backend client. They hold a connection each for as long as they
 * are open, so they get their own pool of at most {@value #MAX_STREAMS} connections and cannot starve requests. At
 * most {@value #MAX_STREAMS} are open at once; {@link #shutdown} closes them all. Thread-safe.
 */
final class SessionStreams {
  /** Most session streams open at once on one backend client. */
  static final int MAX_STREAMS = 1024;

  private final Vertx vertx;
  private final String backend;
  private final HttpClientAgent client;
  private final StreamAttempt attempts;
  private final Set<ListenStream> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger count = new AtomicInteger();
  private volatile boolean shutdown;

  /**
   * @param request builds the GET for a session id and a last event id
   */
  SessionStreams(Vertx vertx, Endpoint endpoint, String backend, Duration timeout,
                 BiFunction<String, String, RequestOptions> request, UnaryOperator<String> redact) {
    this.vertx = vertx;
    this.backend = backend;
    this.client = vertx.httpClientBuilder()
      .with(endpoint.clientOptions(backend + "-streams"))
      .with(Endpoint.poolOptions(MAX_STREAMS, Endpoint.MAX_WAIT_QUEUE_SIZE))
      .build();
    this.attempts = new StreamAttempt(vertx, client, backend, timeout, request, redact);
  }

  /** Opens a session stream; see {@link dev.switchboard.core.backend.BackendClient#listen}. */
  Future<BackendStream> listen(String sessionId, Handler<JsonObject> onMessage) {
    if (shutdown) {
      return Future.failedFuture(new BackendException(backend, BackendException.Kind.UNREACHABLE,
        "client is shut down"));
    }
    if (count.incrementAndGet() > MAX_STREAMS) {
      count.decrementAndGet();
      return Future.failedFuture(new BackendException(backend, BackendException.Kind.UNREACHABLE, "more than "
        + MAX_STREAMS + " session streams open"));
    }
    ListenStream stream = new ListenStream(vertx, attempts, backend, sessionId, onMessage);
    open.add(stream);
    if (shutdown) {
      forget(stream);
      return Future.failedFuture(new BackendException(backend, BackendException.Kind.UNREACHABLE,
        "client is shut down"));
    }
    stream.closed().onComplete(done -> forget(stream));
    return stream.open();
  }

  private void forget(ListenStream stream) {
    if (open.remove(stream)) {
      count.decrementAndGet();
    }
  }

  /** Closes every open stream, then the streams' connection pool. */
  Future<Void> shutdown(Duration timeout) {
    shutdown = true;
    List<Future<Void>> closing = open.stream().map(ListenStream::close).toList();
    return Future.join(closing).transform(done -> client.shutdown(timeout.toMillis(), TimeUnit.MILLISECONDS));
  }
}
