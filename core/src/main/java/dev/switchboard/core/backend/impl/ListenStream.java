package dev.switchboard.core.backend.impl;

import dev.switchboard.core.backend.BackendException;
import dev.switchboard.core.backend.BackendStream;
import dev.switchboard.core.protocol.JsonRpc;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.json.JsonObject;
import java.lang.System.Logger.Level;

/**
 * A {@link BackendStream}: the GET event stream of one backend session, kept open by reconnecting with
 * {@code Last-Event-ID}. The first wait is the backend's {@code retry:} (1 s when none, at most
 * {@value #MAX_BACKOFF_MILLIS} ms); it doubles, up to {@value #MAX_BACKOFF_MILLIS} ms, while connections fail or end
 * without an event, and falls back after one that brought events. Each attempt is made by a {@link StreamAttempt},
 * which also decides which answers stop the stream for good.
 *
 * <p>Confined to one Vert.x context (the creator's): events, timers and reconnections run there, and
 * {@code onMessage} is called there. {@link #close()} and the getters are safe from any thread.
 */
final class ListenStream implements BackendStream {
  private static final System.Logger LOG = System.getLogger(ListenStream.class.getName());
  /** Wait before reconnecting when the backend announced no {@code retry:}. */
  static final long INITIAL_BACKOFF_MILLIS = 1000;
  /** Longest wait between reconnections. */
  static final long MAX_BACKOFF_MILLIS = 30_000;
  /** Shortest wait between reconnections, whatever {@code retry:} says. */
  static final long MIN_BACKOFF_MILLIS = 10;

  private final Vertx vertx;
  private final Context context;
  private final StreamAttempt attempts;
  private final String backend;
  private final String sessionId;
  private final Handler<JsonObject> onMessage;
  private final Promise<Void> closed = Promise.promise();
  private volatile boolean supported = true;
  private volatile boolean stopped;
  private HttpClientRequest current;
  private boolean connecting;
  private long timer = -1;
  private String lastEventId = "";
  private long retry = -1;
  private long backoff = INITIAL_BACKOFF_MILLIS;

  ListenStream(Vertx vertx, StreamAttempt attempts, String backend, String sessionId, Handler<JsonObject> onMessage) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.attempts = attempts;
    this.backend = backend;
    this.sessionId = sessionId;
    this.onMessage = onMessage;
  }

  /** Makes the first connection; see {@link dev.switchboard.core.backend.BackendClient#listen}. */
  Future<BackendStream> open() {
    Promise<BackendStream> opened = Promise.promise();
    onContext(() -> {
      if (stopped) {
        opened.fail(closedWhileOpening());
        return;
      }
      attempts.connect(sessionId, lastEventId, created -> current = created)
        .onComplete(done -> opened(done.succeeded() ? done.result() : null, done.cause(), opened));
    });
    return opened.future();
  }

  private void opened(HttpClientResponse response, Throwable cause, Promise<BackendStream> opened) {
    if (stopped) {
      if (response != null) {
        BoundedBodies.abandon(response);
      }
      opened.fail(closedWhileOpening());
    } else if (response != null) {
      opened.complete(this);
      read(response);
    } else if (StreamAttempt.isUnsupported(cause)) {
      current = null;
      supported = false;
      stop(null);
      opened.complete(this);
    } else {
      current = null;
      Throwable failure = StreamAttempt.reported(cause);
      stop(failure);
      opened.fail(failure);
    }
  }

  private BackendException closedWhileOpening() {
    return new BackendException(backend, BackendException.Kind.UNREACHABLE, "stream closed while opening");
  }

  @Override
  public String backend() {
    return backend;
  }

  @Override
  public String sessionId() {
    return sessionId;
  }

  @Override
  public boolean supported() {
    return supported;
  }

  @Override
  public boolean isClosed() {
    return stopped;
  }

  @Override
  public Future<Void> closed() {
    return closed.future();
  }

  @Override
  public Future<Void> close() {
    Promise<Void> done = Promise.promise();
    onContext(() -> {
      stop(null);
      done.complete();
    });
    return done.future();
  }

  private void read(HttpClientResponse response) {
    boolean[] ended = {false};
    boolean[] progressed = {false};
    SseParser parser = new SseParser(event -> {
      progressed[0] = true;
      onEvent(event);
    }, BoundedBodies.MAX_JSON_BYTES, lastEventId, retry);
    Handler<Throwable> end = cause -> {
      if (!ended[0]) {
        ended[0] = true;
        ended(parser, progressed[0], cause);
      }
    };
    response.exceptionHandler(end);
    response.handler(chunk -> {
      if (ended[0] || stopped) {
        return;
      }
      try {
        parser.feed(chunk);
      } catch (IllegalStateException e) {
        BoundedBodies.abandon(response);
        end.handle(e);
      }
    });
    response.end().onComplete(done -> end.handle(done.cause()));
  }

  /** The connection ended ({@code cause} null) or dropped: reconnect unless stopped. */
  private void ended(SseParser parser, boolean progressed, Throwable cause) {
    current = null;
    boolean moved = progressed || !parser.lastEventId().equals(lastEventId);
    lastEventId = parser.lastEventId();
    retry = parser.retry();
    if (stopped) {
      return;
    }
    LOG.log(Level.DEBUG, () -> "backend '" + backend + "': event stream " + (cause == null ? "ended" : "dropped: "
      + cause.getMessage()) + "; reconnecting");
    reconnectLater(moved);
  }

  private void reconnectLater(boolean progressed) {
    long base = retry < 0 ? INITIAL_BACKOFF_MILLIS : Math.max(MIN_BACKOFF_MILLIS, Math.min(retry, MAX_BACKOFF_MILLIS));
    long delay = progressed ? base : Math.max(base, backoff);
    backoff = Math.min(delay * 2, MAX_BACKOFF_MILLIS);
    timer = vertx.setTimer(delay, fired -> {
      timer = -1;
      reconnect();
    });
  }

  private void reconnect() {
    if (stopped) {
      return;
    }
    connecting = true;
    attempts.connect(sessionId, lastEventId, created -> current = created).onComplete(done -> {
      connecting = false;
      if (stopped) {
        if (done.succeeded()) {
          BoundedBodies.abandon(done.result());
        }
        return;
      }
      if (done.succeeded()) {
        read(done.result());
        return;
      }
      current = null;
      if (StreamAttempt.isFinal(done.cause())) {
        LOG.log(Level.DEBUG, () -> "backend '" + backend + "': event stream stopped: " + done.cause().getMessage());
        stop(StreamAttempt.reported(done.cause()));
      } else {
        LOG.log(Level.DEBUG, () -> "backend '" + backend + "': event stream reconnection failed: "
          + done.cause().getMessage());
        reconnectLater(false);
      }
    });
  }

  private void onEvent(SseEvent event) {
    if (stopped || event.isBlank()) {
      return;
    }
    JsonObject message;
    try {
      message = MessageDecoding.decode(backend, event.data(), "event data");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, e.getMessage() + "; skipped on the session stream");
      return;
    }
    if (message.getValue("method") instanceof String && !JsonRpc.isResponse(message)) {
      MessageDecoding.deliver(backend, onMessage, message);
    } else {
      LOG.log(Level.DEBUG, () -> "backend '" + backend + "': ignored a message without method on the session stream");
    }
  }

  /**
   * Completes with true once nothing more can happen on this stream: stopped, no reconnection scheduled or under way,
   * no connection open (what a test asserts instead of waiting to see that nothing happens).
   */
  Future<Boolean> settled() {
    Promise<Boolean> answer = Promise.promise();
    context.runOnContext(v -> answer.complete(stopped && timer == -1 && !connecting && current == null));
    return answer.future();
  }

  /** Stops for good; {@code failure} null for a stop by the gateway. Runs on the context. */
  private void stop(Throwable failure) {
    stopped = true;
    if (timer != -1) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
    if (current != null) {
      current.reset();
      current = null;
    }
    if (failure == null) {
      closed.tryComplete();
    } else {
      closed.tryFail(failure);
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
