package dev.switchboard.transport.gateway;

import dev.switchboard.core.protocol.JsonRpcError;
import dev.switchboard.core.protocol.ProtocolVersion;
import dev.switchboard.transport.streamable.HttpFailure;
import dev.switchboard.transport.streamable.MediaTypes;
import dev.switchboard.transport.streamable.SseWriter;
import dev.switchboard.transport.session.LocalSession;
import dev.switchboard.transport.session.SessionManager;
import dev.switchboard.transport.streamable.ClientStream;
import dev.switchboard.transport.streamable.EventIds;
import dev.switchboard.transport.streamable.LogTail;
import dev.switchboard.transport.streamable.StreamRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
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

  GetHandler(Vertx vertx, SessionManager sessions, StreamRegistry streams, SessionChannels channels) {
    this.vertx = vertx;
    this.sessions = sessions;
    this.streams = streams;
    this.channels = channels;
  }

  /** Checks done before the session is looked up. */
  static void checkAccept(HttpServerRequest req) {
    if (!MediaTypes.acceptsSse(req.getHeader(HttpHeaders.ACCEPT))) {
      throw new HttpFailure(406, JsonRpcError.SERVER_ERROR, "Not Acceptable: Accept must list text/event-stream");
    }
  }

  Future<Void> handle(HttpServerRequest req, LocalSession session) {
    String lastEventId = req.getHeader("Last-Event-ID");
    return sessions.register(session).map(context -> {
      String streamId = lastEventId == null ? null : EventIds.streamOf(lastEventId);
      SessionChannel existing = session.standaloneIfPresent();
      if (streamId != null && (existing == null || !existing.holds(streamId))) {
        resume(req, session, streamId, lastEventId);
        return null;
      }
      SessionChannel channel = channels.listening(session, context);
      boolean priming = streamId == null
        && ProtocolVersion.V2025_11_25.compareTo(session.protocolVersion()) <= 0;
      channel.attach(SseWriter.start(req.response()), streamId, streamId == null ? null : lastEventId, priming);
      return null;
    });
  }

  /**
   * A stream this instance's channel does not hold: a POST's stream live here, or a stream served from the shared
   * log (it lives on another instance, which keeps logging its events, or it ended).
   */
  private void resume(HttpServerRequest req, LocalSession session, String streamId, String lastEventId) {
    ClientStream live = streams.get(session.id(), streamId);
    SseWriter writer = SseWriter.start(req.response());
    if (live != null) {
      live.attach(writer, false, lastEventId);
      return;
    }
    new LogTail(vertx, streams.log(), session.id(), streamId, writer, session::terminated).start(lastEventId);
  }
}
