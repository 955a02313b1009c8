package dev.switchboard.session;

import io.vertx.core.Future;
import java.util.List;

/**
 * The SSE events of each session's streams, kept so that a client can resume a stream with {@code Last-Event-ID}
 * (possibly on another instance). Bounded per stream (oldest dropped first) and expiring with the session.
 * Non-blocking; failures are {@link SessionStoreException}s.
 */
public interface EventLog {
  /** Most events kept per stream. */
  int DEFAULT_MAX_EVENTS_PER_STREAM = 256;

  /** Appends an event to a stream of a session. */
  Future<Void> append(String sessionId, String streamId, StoredEvent event);

  /**
   * The events of a stream after the given one (exclusive), oldest first. Empty when the stream is unknown; when
   * {@code afterEventId} is no longer in the log (dropped by the bound), everything still kept.
   */
  Future<List<StoredEvent>> after(String sessionId, String streamId, String afterEventId);

  /** Forgets every stream of a session. */
  Future<Void> delete(String sessionId);

  /** Releases connections; later calls fail. The in-memory log holds none and stays usable. */
  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
