package dev.switchboard.session.memory;

import dev.switchboard.session.EventLog;
import dev.switchboard.session.StoredEvent;
import io.vertx.core.Future;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link EventLog} for one process: a bounded deque per stream. Streams of a session are dropped with
 * {@link #delete}; the gateway deletes them when the session ends or expires locally.
 */
public final class InMemoryEventLog implements EventLog {
  private final Map<String, Map<String, Deque<StoredEvent>>> sessions = new ConcurrentHashMap<>();
  private final int maxEventsPerStream;

  public InMemoryEventLog() {
    this(DEFAULT_MAX_EVENTS_PER_STREAM);
  }

  public InMemoryEventLog(int maxEventsPerStream) {
    this.maxEventsPerStream = maxEventsPerStream;
  }

  @Override
  public Future<Void> append(String sessionId, String streamId, StoredEvent event) {
    Deque<StoredEvent> stream = sessions.computeIfAbsent(sessionId, id -> new ConcurrentHashMap<>())
      .computeIfAbsent(streamId, id -> new ArrayDeque<>());
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
    Map<String, Deque<StoredEvent>> streams = sessions.get(sessionId);
    Deque<StoredEvent> stream = streams == null ? null : streams.get(streamId);
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
}
