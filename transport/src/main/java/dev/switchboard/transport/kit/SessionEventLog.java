package dev.switchboard.transport.kit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The SSE events one session has sent with data (priming events are not kept), so that a client can resume a stream
 * with {@code Last-Event-ID}. Bounded per session by a number of events and a number of characters of data; the
 * oldest events go first. For every stream it remembers the newest event it had to drop, so that a resumption that
 * would miss events can be refused instead of silently losing them. Touched only on the server's event loop.
 */
final class SessionEventLog {
  /** One kept event. */
  record LoggedEvent(EventId id, String data) {
  }

  private final int maxEvents;
  private final long maxChars;
  private final Predicate<String> activeStream;
  private final Deque<LoggedEvent> events = new ArrayDeque<>();
  private final Map<String, Integer> perStream = new HashMap<>();
  private final Map<String, Long> droppedUpTo = new HashMap<>();
  private long chars;

  /**
   * @param activeStream tells whether a stream may still get events (its drop marks are kept while it has none)
   */
  SessionEventLog(int maxEvents, long maxChars, Predicate<String> activeStream) {
    this.maxEvents = maxEvents;
    this.maxChars = maxChars;
    this.activeStream = activeStream;
  }

  /** Keeps an event; one larger than the whole bound is not kept (and counts as dropped). */
  void append(EventId id, String data) {
    if (data.length() > maxChars) {
      droppedUpTo.merge(id.streamKey(), id.seq(), Math::max);
      return;
    }
    events.addLast(new LoggedEvent(id, data));
    perStream.merge(id.streamKey(), 1, Integer::sum);
    chars += data.length();
    while (events.size() > maxEvents || chars > maxChars) {
      evictOldest();
    }
  }

  /** True when the stream has events in the log, or dropped some and may still get more. */
  boolean knows(String streamKey) {
    return perStream.containsKey(streamKey) || droppedUpTo.containsKey(streamKey);
  }

  /** True when an event of the stream newer than {@code seq} was dropped: a replay from there would be incomplete. */
  boolean lostAfter(String streamKey, long seq) {
    Long dropped = droppedUpTo.get(streamKey);
    return dropped != null && dropped > seq;
  }

  /** The kept events of a stream newer than {@code seq}, oldest first. */
  List<LoggedEvent> after(String streamKey, long seq) {
    List<LoggedEvent> replay = new ArrayList<>();
    if (!perStream.containsKey(streamKey)) {
      return replay;
    }
    for (LoggedEvent event : events) {
      if (event.id().seq() > seq && event.id().streamKey().equals(streamKey)) {
        replay.add(event);
      }
    }
    return replay;
  }

  /** The stream will get no more events: forget its drop mark once none of its events are left. */
  void retire(String streamKey) {
    if (!perStream.containsKey(streamKey)) {
      droppedUpTo.remove(streamKey);
    }
  }

  int size() {
    return events.size();
  }

  private void evictOldest() {
    LoggedEvent oldest = events.removeFirst();
    chars -= oldest.data().length();
    String key = oldest.id().streamKey();
    droppedUpTo.merge(key, oldest.id().seq(), Math::max);
    if (perStream.merge(key, -1, Integer::sum) == 0) {
      perStream.remove(key);
      if (!activeStream.test(key)) {
        droppedUpTo.remove(key);
      }
    }
  }
}
