package dev.switchboard.transport.kit;

import dev.switchboard.transport.streamable.HttpFailure;
import dev.switchboard.transport.streamable.SseWriter;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;

/**
 * A {@code GET} with {@code Last-Event-ID}: resumes the stream the id names, standalone or POST (the spec resumes
 * both with GET). The kept events of that stream after the id are replayed, then the connection carries the stream's
 * live events; a POST stream's connection ends after its last response, and one whose responses were all sent ends
 * right after the replay.
 * <p>
 * An id that names no stream this session still knows (malformed, or from a stream whose events are all gone), or
 * one after which events had to be dropped from the bounded log, is refused with {@code 400}. Answering such a GET
 * with an empty stream would let the client believe it had resumed and wait for a response that can no longer come;
 * a 400 makes the loss visible at once, and is not a 404, which would tell the client its whole session is gone.
 */
final class Resumption {
  private Resumption() {
  }

  static void resume(ServerSession session, String lastEventId, HttpServerResponse resp) {
    EventId id = EventId.parse(lastEventId);
    if (id == null) {
      throw HttpFailure.badRequest("Bad Request: Last-Event-ID is not an event id of this server");
    }
    SessionEventLog log = session.eventLog();
    SseStream stream = session.activeStream(id.streamKey());
    if (stream == null && !log.knows(id.streamKey())) {
      throw HttpFailure.badRequest("Bad Request: Last-Event-ID names no stream of this session that can be resumed");
    }
    if (log.lostAfter(id.streamKey(), id.seq())) {
      throw HttpFailure.badRequest("Bad Request: events after " + lastEventId
        + " are no longer kept; the stream cannot be resumed");
    }
    List<SessionEventLog.LoggedEvent> replay = log.after(id.streamKey(), id.seq());
    SseWriter connection = SseWriter.start(resp);
    if (stream != null) {
      stream.resume(connection, replay);
      return;
    }
    for (SessionEventLog.LoggedEvent event : replay) {
      connection.event(event.id().toString(), event.data());
    }
    connection.end();
  }
}
