package dev.switchboard.transport.streamable;

import dev.switchboard.core.protocol.JsonRpc;
import dev.switchboard.session.EventLog;
import dev.switchboard.session.StoredEvent;
import dev.switchboard.transport.streamable.SseWriter;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Serves a resumed stream that is not live on this instance (it lives on another one, or ended) from the shared
 * {@link EventLog}: replays the events after {@code Last-Event-ID}, then polls the log for new ones, until a POST
 * stream's response has been written, the client goes away, or {@link #MAX_MILLIS} has passed.
 */
public final class LogTail {
  static final long POLL_MILLIS = 200;
  static final long MAX_MILLIS = 10 * 60_000;
  private static final System.Logger LOG = System.getLogger(LogTail.class.getName());

  private final Vertx vertx;
  private final EventLog log;
  private final String sessionId;
  private final String streamId;
  private final SseWriter writer;
  private final long deadline;
  private final BooleanSupplier sessionEnded;
  private String last;

  /** @param sessionEnded true once the session ended on this instance: the tail stops */
  public LogTail(Vertx vertx, EventLog log, String sessionId, String streamId, SseWriter writer,
                 BooleanSupplier sessionEnded) {
    this.sessionEnded = sessionEnded;
    this.vertx = vertx;
    this.log = log;
    this.sessionId = sessionId;
    this.streamId = streamId;
    this.writer = writer;
    this.deadline = System.currentTimeMillis() + MAX_MILLIS;
  }

  public void start(String lastEventId) {
    last = lastEventId;
    poll();
  }

  private void poll() {
    if (writer.closed()) {
      return;
    }
    if (sessionEnded.getAsBoolean()) {
      writer.end();
      return;
    }
    log.after(sessionId, streamId, last).onComplete(ar -> {
      if (ar.failed()) {
        LOG.log(System.Logger.Level.WARNING, "event log unavailable for a resumption: {0}", ar.cause().getMessage());
        writer.end();
        return;
      }
      if (write(ar.result())) {
        writer.end();
      } else if (System.currentTimeMillis() > deadline) {
        writer.end();
      } else {
        vertx.setTimer(POLL_MILLIS, id -> poll());
      }
    });
  }

  /** Writes the events; true when one of them was the stream's final response. */
  private boolean write(List<StoredEvent> events) {
    boolean postStream = !EventIds.isGetStream(streamId);
    boolean done = false;
    for (StoredEvent event : events) {
      writer.event(event.id(), event.data());
      last = event.id();
      done |= postStream && isResponse(event.data());
    }
    return done;
  }

  private static boolean isResponse(String data) {
    try {
      return JsonRpc.isResponse(new JsonObject(data));
    } catch (RuntimeException e) {
      return false;
    }
  }
}
