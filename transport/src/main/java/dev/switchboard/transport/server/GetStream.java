package dev.switchboard.transport.server;

import dev.switchboard.core.protocol.ProtocolVersion;
import dev.switchboard.transport.http.SseWriter;
import io.vertx.core.json.JsonObject;

/**
 * The standalone SSE stream a client opened with GET: carries notifications unrelated to any request, plus a priming
 * event (2025-11-25 sessions) and heartbeat comments. Messages are dropped while the stream is congested.
 */
final class GetStream {
  private static final String STREAM_KEY = "g";

  private final SseWriter sse;
  private final ServerSession session;
  private final ServerRuntime runtime;
  private long heartbeatTimer = -1;

  GetStream(SseWriter sse, ServerSession session, ServerRuntime runtime) {
    this.sse = sse;
    this.session = session;
    this.runtime = runtime;
    if (ProtocolVersion.V2025_11_25.equals(session.protocolVersion())) {
      sse.event(session.nextEventId(STREAM_KEY), "");
    }
    long interval = runtime.options().getHeartbeatInterval().toMillis();
    if (interval > 0) {
      heartbeatTimer = runtime.vertx().setPeriodic(interval, t -> {
        if (!sse.writeQueueFull()) {
          sse.comment("ping");
        }
      });
    }
  }

  boolean send(JsonObject message) {
    if (sse.closed() || sse.writeQueueFull()) {
      return false;
    }
    sse.event(session.nextEventId(STREAM_KEY), message.encode());
    return true;
  }

  void stopHeartbeat() {
    if (heartbeatTimer >= 0) {
      runtime.vertx().cancelTimer(heartbeatTimer);
      heartbeatTimer = -1;
    }
  }

  void end() {
    stopHeartbeat();
    sse.end();
  }
}
