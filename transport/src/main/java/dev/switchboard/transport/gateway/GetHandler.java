package dev.switchboard.transport.gateway;

import dev.switchboard.core.protocol.JsonRpcError;
import dev.switchboard.core.protocol.ProtocolVersion;
import dev.switchboard.transport.streamable.HttpFailure;
import dev.switchboard.transport.streamable.SseWriter;
import dev.switchboard.transport.session.LocalSession;
import dev.switchboard.transport.session.SessionManager;
import dev.switchboard.transport.streamable.EventIds;
import dev.switchboard.transport.streamable.McpHeaders;
import dev.switchboard.transport.streamable.StreamRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;

/**
 * GET on the MCP endpoint: opens the session's standalone stream, or resumes a stream after
 * {@code Last-Event-ID}: a POST's stream that is still live here gets the GET attached for the rest of its events;
 * one that ended (or lives elsewhere) is replayed from the event log.
 */
final class GetHandler {
  private final Vertx vertx;
  private final SessionManager sessions;
  private final StreamRegistry streams;
  private final SessionChannels channels;
  private final int maxStreamsPerSession;

  GetHandler(Vertx vertx, SessionManager sessions, StreamRegistry streams, SessionChannels channels,
             int maxStreamsPerSession) {
    this.maxStreamsPerSession = maxStreamsPerSession;
    this.vertx = vertx;
    this.sessions = sessions;
    this.streams = streams;
    this.channels = channels;
  }

  Future<Void> handle(HttpServerRequest req, LocalSession session) {
    String lastEventId = req.getHeader(McpHeaders.LAST_EVENT_ID);
    return sessions.register(session).map(context -> {
      String streamId = lastEventId == null ? null : EventIds.streamOf(lastEventId);
      SessionChannel existing = session.standaloneIfPresent();
      boolean resumes = streamId != null && (existing == null || !existing.holds(streamId));
      // a GET the session's channel takes ends the one the channel had: it replaces a stream rather than adds one
      boolean replaces = !resumes && existing != null && existing.attached();
      if (!session.streamOpened(replaces ? maxStreamsPerSession + 1 : maxStreamsPerSession)) {
        throw new HttpFailure(429, JsonRpcError.SERVER_ERROR, "Too Many Requests: at most " + maxStreamsPerSession
          + " GET streams per session");
      }
      SseWriter writer = streams.writer(req.response());
      writer.closeHandler(v -> session.streamClosed());
      if (resumes) {
        streams.resume(vertx, session.id(), lastEventId, writer, session::terminated);
        return null;
      }
      SessionChannel channel = channels.listening(session, context);
      boolean priming = streamId == null
        && ProtocolVersion.V2025_11_25.compareTo(session.protocolVersion()) <= 0;
      channel.attach(writer.heartbeat(vertx, SseWriter.HEARTBEAT_MILLIS), streamId,
        streamId == null ? null : lastEventId, priming);
      return null;
    });
  }
}
