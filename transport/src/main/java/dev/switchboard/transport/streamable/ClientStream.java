package dev.switchboard.transport.streamable;

import dev.switchboard.session.EventLog;
import dev.switchboard.session.StoredEvent;
import dev.switchboard.transport.streamable.SseWriter;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * One outgoing SSE stream of a session. It numbers its events, keeps them in the {@link EventLog} (and the most
 * recent ones in memory, for a resumption on this instance), and writes them to the attached HTTP response when there
 * is one. A stream outlives its HTTP responses: events sent while none is attached are delivered on resumption.
 * Thread-safe: a POST's events arrive on one event loop while a resumption may attach from another; every method
 * holds the stream's lock for a few writes to memory and the response (which Vert.x hands to the connection's own
 * event loop), never for I/O completion.
 */
public final class ClientStream {
  static final int RECENT_EVENTS = 256;
  private static final System.Logger LOG = System.getLogger(ClientStream.class.getName());

  private final String sessionId;
  private final String id;
  private final EventLog log;
  private final Deque<StoredEvent> recent = new ArrayDeque<>();
  private final long retryMillis;
  private final long maxRecentChars;
  private long recentChars;
  private long sequence;
  private SseWriter sink;
  private boolean finished;
  private boolean everAttached;
  private Runnable onFinish = () -> { };

  /** @param maxRecentBytes bound on the recent events kept in memory, besides their count (0: count only) */
  ClientStream(String sessionId, String id, long nextSequence, EventLog log, long retryMillis, long maxRecentBytes) {
    this.maxRecentChars = maxRecentBytes;
    this.sessionId = sessionId;
    this.id = id;
    this.sequence = nextSequence;
    this.log = log;
    this.retryMillis = retryMillis;
  }

  public String id() {
    return id;
  }

  public String sessionId() {
    return sessionId;
  }

  /** True once an HTTP response has been attached. */
  public synchronized boolean everAttached() {
    return everAttached;
  }

  void onFinish(Runnable action) {
    this.onFinish = action;
  }

  /**
   * Attaches an SSE response: with {@code priming}, first an event with an id and no data, and the {@code retry}
   * interval; then the events after {@code lastEventId} that this instance still holds (null: none, except on the
   * stream's first attachment, which gets every event sent before it); then live events. A response attached earlier
   * is ended.
   */
  public synchronized void attach(SseWriter writer, boolean priming, String lastEventId) {
    {
      SseWriter previous = sink;
      boolean first = !everAttached;
      everAttached = true;
      sink = writer;
      if (previous != null && previous != writer) {
        previous.end();
      }
      writer.closeHandler(v -> detach(writer));
      if (priming) {
        writer.event(EventIds.eventId(id, sequence++), "");
        if (retryMillis > 0) {
          writer.retry(retryMillis);
        }
      }
      if (lastEventId != null || first) {
        for (StoredEvent event : recentAfter(lastEventId)) {
          writer.event(event.id(), event.data());
        }
      }
      if (finished) {
        writer.end();
      }
    }
  }

  private synchronized void detach(SseWriter writer) {
    if (sink == writer) {
      sink = null;
    }
  }

  /** True while a connection is attached and open. */
  public synchronized boolean attached() {
    return sink != null && !sink.closed();
  }

  /** True while an attached connection cannot take more right now. */
  public synchronized boolean congested() {
    return sink != null && sink.writeQueueFull();
  }

  /** Sends one JSON-RPC message on the stream. */
  public synchronized void send(JsonObject message) {
    emit(message);
  }

  /** Sends the response that ends the stream, then ends the attached HTTP response. */
  public synchronized void finish(JsonObject response) {
    if (finished) {
      return;
    }
    emit(response);
    finished = true;
    if (sink != null) {
      sink.end();
      sink = null;
    }
    onFinish.run();
  }

  /** Ends the attached HTTP response without ending the stream: the client resumes with GET (polling). */
  public synchronized void pause() {
    if (sink != null) {
      SseWriter closing = sink;
      sink = null;
      closing.end();
    }
  }

  /** Ends the attached HTTP response and forgets the stream (the session ended). */
  public synchronized void close() {
    finished = true;
    if (sink != null) {
      sink.end();
      sink = null;
    }
    onFinish.run();
  }

  private void emit(JsonObject message) {
    String eventId = EventIds.eventId(id, sequence++);
    String data = message.encode();
    StoredEvent event = new StoredEvent(eventId, data);
    recent.addLast(event);
    recentChars += data.length();
    while (recent.size() > RECENT_EVENTS || maxRecentChars > 0 && recentChars > maxRecentChars && recent.size() > 1) {
      recentChars -= recent.removeFirst().data().length();
    }
    log.append(sessionId, id, event).onFailure(err -> LOG.log(System.Logger.Level.WARNING,
      "event not logged for resumption: {0}", err.getMessage()));
    SseWriter writer = sink;
    if (writer != null && !writer.closed()) {
      writer.event(eventId, data);
    }
  }

  private List<StoredEvent> recentAfter(String lastEventId) {
    long after = lastEventId == null ? -1 : EventIds.sequenceOf(lastEventId);
    List<StoredEvent> events = new ArrayList<>();
    for (StoredEvent event : recent) {
      if (EventIds.sequenceOf(event.id()) > after) {
        events.add(event);
      }
    }
    return events;
  }
}
