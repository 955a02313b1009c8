package dev.switchboard.transport.streamable;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A {@code text/event-stream} response. Events are written as {@code id:}/{@code data:} lines; multi-line data becomes
 * several {@code data:} lines. Writes after the stream ended or was closed give failed futures. The close handler runs
 * exactly once: when the peer goes away or when {@link #end()} is called, whichever comes first. Callers should check
 * {@link #writeQueueFull()} and wait for the {@link #drainHandler} before writing more.
 */
public final class SseWriter {
  private final HttpServerResponse resp;
  private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
  /** The interval of {@link #heartbeat} comments. */
  public static final long HEARTBEAT_MILLIS = 15_000;
  private volatile boolean closed;
  private long maxBufferedBytes;
  private volatile Runnable onOverflow = () -> { };
  private final List<Handler<Void>> closeHandlers = new CopyOnWriteArrayList<>();

  private SseWriter(HttpServerResponse resp) {
    this.resp = resp;
  }

  /** Sends status 200 and the event-stream headers at once, so the client sees the stream open. */
  public static SseWriter start(HttpServerResponse resp) {
    return start(resp, 0);
  }

  /**
   * Like {@link #start(HttpServerResponse)}, with a bound on what may wait unwritten for a slow reader: once more than
   * {@code maxBufferedBytes} are queued on the connection, the next write closes it instead and runs the
   * {@linkplain #onOverflow overflow handler}; 0 for no bound.
   */
  public static SseWriter start(HttpServerResponse resp, long maxBufferedBytes) {
    SseWriter writer = new SseWriter(resp);
    if (maxBufferedBytes > 0) {
      writer.maxBufferedBytes = maxBufferedBytes;
      resp.setWriteQueueMaxSize((int) Math.min(maxBufferedBytes, Integer.MAX_VALUE));
    }
    resp.setStatusCode(200)
      .putHeader(HttpHeaders.CONTENT_TYPE, MediaTypes.TEXT_EVENT_STREAM)
      .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
      .putHeader("X-Accel-Buffering", "no")
      .setChunked(true);
    resp.closeHandler(v -> writer.markClosed());
    resp.exceptionHandler(err -> writer.markClosed());
    resp.writeHead();
    return writer;
  }

  /** One event; {@code id} may be null. */
  public Future<Void> event(String id, String data) {
    StringBuilder sb = new StringBuilder(data.length() + 32);
    if (id != null) {
      if (id.indexOf('\n') >= 0 || id.indexOf('\r') >= 0) {
        return Future.failedFuture(new IllegalArgumentException("SSE id must not contain line breaks"));
      }
      sb.append("id: ").append(id).append('\n');
    }
    if (data.indexOf('\n') < 0 && data.indexOf('\r') < 0) {
      sb.append("data: ").append(data).append('\n');
    } else {
      for (String line : LINE_BREAK.split(data, -1)) {
        sb.append("data: ").append(line).append('\n');
      }
    }
    return write(sb.append('\n').toString());
  }

  /** The reconnection delay the client should use. */
  public Future<Void> retry(long millis) {
    return write("retry: " + millis + "\n\n");
  }

  /** A comment line, e.g. a heartbeat; clients ignore it. */
  public Future<Void> comment(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 8);
    for (String line : LINE_BREAK.split(text, -1)) {
      sb.append(": ").append(line).append('\n');
    }
    return write(sb.append('\n').toString());
  }

  /**
   * Writes a {@code keep-alive} comment every {@code millis} while the stream is open, so that proxies and clients do
   * not take a quiet stream for a dead one; skipped while the connection cannot take more (a congested client needs no
   * extra bytes). Stops when the stream closes.
   */
  public SseWriter heartbeat(Vertx vertx, long millis) {
    if (millis <= 0) {
      return this;
    }
    long timer = vertx.setPeriodic(millis, id -> {
      if (closed()) {
        vertx.cancelTimer(id);
      } else if (!writeQueueFull()) {
        comment("keep-alive");
      }
    });
    closeHandler(v -> vertx.cancelTimer(timer));
    return this;
  }

  public boolean writeQueueFull() {
    return !closed && resp.writeQueueFull();
  }

  public void drainHandler(Handler<Void> handler) {
    resp.drainHandler(handler);
  }

  /** Ends the stream (a no-op success when it is already closed). */
  public Future<Void> end() {
    if (closed) {
      return Future.succeededFuture();
    }
    markClosed();
    try {
      return resp.end();
    } catch (IllegalStateException e) {
      return Future.succeededFuture();
    }
  }

  public boolean closed() {
    return closed || resp.closed();
  }

  /**
   * Adds a handler that runs once when the stream is finished, by the peer or by {@link #end()} (at once if it
   * already is).
   */
  public void closeHandler(Handler<Void> handler) {
    closeHandlers.add(handler);
    if (closed && closeHandlers.remove(handler)) {
      handler.handle(null);
    }
  }

  /** The underlying response. */
  public HttpServerResponse response() {
    return resp;
  }

  /** Runs when the stream is closed because its reader fell more than the bound behind. */
  public void onOverflow(Runnable action) {
    this.onOverflow = action;
  }

  private Future<Void> write(String chunk) {
    if (closed()) {
      return Future.failedFuture(new IllegalStateException("SSE stream closed"));
    }
    if (maxBufferedBytes > 0 && resp.writeQueueFull()) {
      markClosed();
      resp.reset();
      onOverflow.run();
      return Future.failedFuture(new IllegalStateException("SSE stream closed: the client reads too slowly"));
    }
    try {
      return resp.write(chunk);
    } catch (IllegalStateException e) {
      markClosed();
      return Future.failedFuture(e);
    }
  }

  private void markClosed() {
    if (closed) {
      return;
    }
    closed = true;
    for (Handler<Void> handler : closeHandlers) {
      if (closeHandlers.remove(handler)) {
        handler.handle(null);
      }
    }
  }
}
