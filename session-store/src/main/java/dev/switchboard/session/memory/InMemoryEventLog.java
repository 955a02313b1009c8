package dev.switchboard.session.memory;

import dev.switchboard.session.EventLog;
import dev.switchboard.session.StoredEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * {@link EventLog} for one process: a bounded deque per stream. A session's streams are dropped with
 * {@link #delete}, or by a periodic sweep once nothing was appended to or read from them for the session TTL (the
 * expiry the Redis log gets from its key TTLs), so sessions that are abandoned rather than deleted do not stay.
 */
public final class InMemoryEventLog implements EventLog {
  private final Map<String, SessionLog> sessions = new ConcurrentHashMap<>();
  private final int maxEventsPerStream;
  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private final Vertx vertx;
  private final long sweeper;

  /** A log without expiry (tests). */
  public InMemoryEventLog() {
    this(DEFAULT_MAX_EVENTS_PER_STREAM);
  }

  /** A log without expiry (tests). */
  public InMemoryEventLog(int maxEventsPerStream) {
    this(null, Duration.ofNanos(Long.MAX_VALUE), maxEventsPerStream, System::nanoTime);
  }

  /** A log whose sessions expire {@code ttl} after their last use, swept on a Vert.x timer. */
  public InMemoryEventLog(Vertx vertx, Duration ttl) {
    this(vertx, ttl, DEFAULT_MAX_EVENTS_PER_STREAM, System::nanoTime);
  }

  InMemoryEventLog(Vertx vertx, Duration ttl, int maxEventsPerStream, LongSupplier nanoTime) {
    this.maxEventsPerStream = maxEventsPerStream;
    this.ttlNanos = ttl.toNanos();
    this.nanoTime = nanoTime;
    this.vertx = vertx;
    long sweepMillis = Math.max(1000, Math.min(ttl.toMillis() / 2, 30_000));
    this.sweeper = vertx == null ? -1 : vertx.setPeriodic(sweepMillis, id -> sweep());
  }

  /** Drops the sessions unused for longer than the TTL; returns how many. */
  int sweep() {
    long now = nanoTime.getAsLong();
    int before = sessions.size();
    sessions.values().removeIf(log -> now - log.lastUsed > ttlNanos);
    return before - sessions.size();
  }

  @Override
  public Future<Void> close() {
    if (vertx != null) {
      vertx.cancelTimer(sweeper);
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> append(String sessionId, String streamId, StoredEvent event) {
    SessionLog log = sessions.computeIfAbsent(sessionId, id -> new SessionLog());
    log.lastUsed = nanoTime.getAsLong();
    Deque<StoredEvent> stream = log.streams.computeIfAbsent(streamId, id -> new ArrayDeque<>());
    synchronized (stream) {
      stream.addLast(event);
      while (stream.size() > maxEventsPerStream) {
        stream.removeFirst();
      }
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<List<StoredEvent>> after(String sessionId, String streamId, String afterEventId) {
    SessionLog log = sessions.get(sessionId);
    if (log != null) {
      log.lastUsed = nanoTime.getAsLong();
    }
    Deque<StoredEvent> stream = log == null ? null : log.streams.get(streamId);
    if (stream == null) {
      return Future.succeededFuture(List.of());
    }
    List<StoredEvent> copy;
    synchronized (stream) {
      copy = new ArrayList<>(stream);
    }
    for (int i = 0; i < copy.size(); i++) {
      if (copy.get(i).id().equals(afterEventId)) {
        return Future.succeededFuture(List.copyOf(copy.subList(i + 1, copy.size())));
      }
    }
    return Future.succeededFuture(List.copyOf(copy));
  }

  @Override
  public Future<Void> delete(String sessionId) {
    sessions.remove(sessionId);
    return Future.succeededFuture();
  }

  /** One session's streams and when they were last used. */
  private static final class SessionLog {
    final Map<String, Deque<StoredEvent>> streams = new ConcurrentHashMap<>();
    volatile long lastUsed;
  }
}
