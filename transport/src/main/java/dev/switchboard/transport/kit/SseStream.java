package dev.switchboard.transport.kit;

import dev.switchboard.core.protocol.ProtocolVersion;
import dev.switchboard.transport.streamable.SseWriter;
import io.vertx.core.Future;
import java.util.List;

/**
 * One logical SSE stream of a session: the stream of a POST that carries requests, or the standalone GET stream. It
 * outlives its HTTP connections: every event with data gets an {@link EventId}, is kept in the session's
 * {@link SessionEventLog} and is written to the connection currently attached, if any. The server may
 * {@link #disconnect()} (polling) and the client may reconnect with {@code GET} and {@code Last-Event-ID}
 * ({@link #resume}); a new connection replaces an older one. Touched only on the server's event loop.
 */
final class SseStream {
  private final String key;
  private final ServerSession session;
  private final long heartbeatMillis;
  private SseWriter writer;
  private long heartbeatTimer = -1;
  private boolean finished;

  /** @param heartbeatMillis interval of heartbeat comments on attached connections; 0 for none */
  SseStream(String key, ServerSession session, long heartbeatMillis) {
    this.key = key;
    this.session = session;
    this.heartbeatMillis = heartbeatMillis;
  }

  String key() {
    return key;
  }

  /** True while a connection is attached and open. */
  boolean live() {
    return writer != null && !writer.closed();
  }

  boolean finished() {
    return finished;
  }

  /**
   * Attaches a new connection: in a 2025-11-25 session it first gets a priming event (an id and empty data) and the
   * {@code retry:} delay, so that the client can resume even before the first message.
   */
  void open(SseWriter connection, boolean priming) {
    attach(connection);
    if (priming && ProtocolVersion.V2025_11_25.equals(session.protocolVersion())) {
      connection.event(session.nextEventId(key).toString(), "");
      long retry = session.runtime().options().getSseRetry().toMillis();
      if (retry > 0) {
        connection.retry(retry);
      }
    }
  }

  /**
   * Attaches a resuming connection: the kept events after the client's last one first, then live events; a finished
   * stream ends the connection after the replay.
   */
  void resume(SseWriter connection, List<SessionEventLog.LoggedEvent> replay) {
    attach(connection);
    for (SessionEventLog.LoggedEvent event : replay) {
      connection.event(event.id().toString(), event.data());
    }
    if (finished) {
      disconnect();
    }
  }

  /** Sends one message: kept in the log, and written to the attached connection if there is one. */
  Future<Void> emit(String data) {
    if (finished) {
      return Future.failedFuture(new IllegalStateException("The stream has ended"));
    }
    EventId id = session.nextEventId(key);
    session.eventLog().append(id, data);
    return live() ? writer.event(id.toString(), data) : Future.succeededFuture();
  }

  /** True when the attached connection cannot take more right now. */
  boolean congested() {
    return live() && writer.writeQueueFull();
  }

  /** Ends the attached connection after what was written, keeping the stream: later events wait in the log. */
  void disconnect() {
    SseWriter current = writer;
    detach();
    if (current != null) {
      current.end();
    }
  }

  /** The stream gets no more events: ends the attached connection. */
  void finish() {
    if (finished) {
      return;
    }
    finished = true;
    disconnect();
    session.streamFinished(this);
  }

  private void attach(SseWriter connection) {
    if (writer != null) {
      disconnect();
    }
    writer = connection;
    connection.closeHandler(v -> {
      if (writer == connection) {
        detach();
      }
      session.touch();
    });
    if (heartbeatMillis > 0) {
      heartbeatTimer = session.runtime().vertx().setPeriodic(heartbeatMillis, t -> {
        if (writer == connection && !connection.writeQueueFull()) {
          connection.comment("ping");
        }
      });
    }
  }

  private void detach() {
    writer = null;
    if (heartbeatTimer >= 0) {
      session.runtime().vertx().cancelTimer(heartbeatTimer);
      heartbeatTimer = -1;
    }
  }
}
