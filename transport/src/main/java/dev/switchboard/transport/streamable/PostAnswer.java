package dev.switchboard.transport.streamable;

import dev.switchboard.core.protocol.ProtocolVersion;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The answer to one POST that carried requests. It stays plain {@code application/json} while only responses come,
 * and becomes a resumable {@link ClientStream} ({@code text/event-stream}) as soon as anything else must go first:
 * progress, a log message, a server-to-client request, or a pause for polling. The stream starts with a priming event
 * and {@code retry:} in 2025-11-25 sessions, and ends after the last expected response. A batch (2025-03-26) gathers
 * its responses into one JSON array unless it streams. Not thread-safe: used on the request's context.
 */
public final class PostAnswer {
  private final HttpServerResponse response;
  private final StreamRegistry streams;
  private final String sessionId;
  private final boolean polling;
  private final boolean batch;
  private final JsonArray gathered = new JsonArray();
  private int outstanding;
  private ClientStream stream;
  private boolean finished;
  private Runnable onOverflow = () -> { };

  /**
   * @param expectedResponses how many responses end the answer (the requests of the POST)
   * @param batch             gather the responses into one JSON array
   */
  public PostAnswer(HttpServerResponse response, StreamRegistry streams, String sessionId, String protocolVersion,
                    int expectedResponses, boolean batch) {
    this.response = response;
    this.streams = streams;
    this.sessionId = sessionId;
    this.polling = ProtocolVersion.V2025_11_25.compareTo(protocolVersion) <= 0;
    this.batch = batch;
    this.outstanding = expectedResponses;
  }

  /**
   * What to do when the client reads the stream too slowly and its connection is closed for it (the stream's bound,
   * {@link StreamRegistry#writer}): typically, cancel the request.
   */
  public void onOverflow(Runnable action) {
    this.onOverflow = action;
  }

  /** True once the answer is an SSE stream. */
  public boolean streaming() {
    return stream != null;
  }

  /** True while the client's connection cannot take more right now (droppable messages may be skipped). */
  public boolean congested() {
    return stream != null && stream.congested();
  }

  /** True once every expected response was sent (or dropped). */
  public boolean finished() {
    return finished;
  }

  /** Switches to SSE now (a server that always streams). */
  public void stream() {
    open(polling);
  }

  /** Switches to SSE, with a priming event if {@code priming}. */
  private void open(boolean priming) {
    if (stream == null && !finished) {
      stream = streams.openPost(sessionId);
      if (!response.ended() && !response.closed()) {
        SseWriter writer = streams.writer(response);
        writer.onOverflow(onOverflow);
        stream.attach(writer, priming, null);
      }
      for (Object earlier : gathered) {
        stream.send((JsonObject) earlier);
      }
      gathered.clear();
    }
  }

  /** Sends a request or notification ahead of the responses; false once the answer is complete. */
  public boolean send(JsonObject message) {
    if (finished) {
      return false;
    }
    stream();
    stream.send(message);
    return true;
  }

  /** Delivers one response; the answer ends after the last expected one. */
  public void respond(JsonObject message) {
    if (finished) {
      return;
    }
    outstanding--;
    if (stream == null && !batch) {
      finished = true;
      if (!response.ended() && !response.closed()) {
        response.setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, MediaTypes.APPLICATION_JSON)
          .end(message.toBuffer());
      }
      return;
    }
    if (stream == null) {
      gathered.add(message);
    } else if (outstanding <= 0) {
      finished = true;
      stream.finish(message);
      return;
    } else {
      stream.send(message);
    }
    if (outstanding <= 0) {
      end();
    }
  }

  /** One expected response will never come (its request was cancelled). */
  public void drop() {
    if (!finished && --outstanding <= 0) {
      end();
    }
  }

  /**
   * Ends the client's connection after what was sent, keeping the stream (SSE polling, 2025-11-25 sessions): the
   * client resumes with GET and {@code Last-Event-ID}. A JSON answer becomes a stream first, so that the client has an
   * event id to resume from. False when not allowed: an older session, or the answer is complete.
   */
  public boolean pause() {
    if (finished || !polling) {
      return false;
    }
    stream();
    stream.pause();
    return true;
  }

  /** Ends the answer: the stream's connection, the gathered batch responses, or an empty stream. */
  private void end() {
    if (stream == null && gathered.isEmpty()) {
      open(false);
    }
    finished = true;
    if (stream != null) {
      stream.close();
    } else if (!gathered.isEmpty()) {
      if (!response.ended() && !response.closed()) {
        response.setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, MediaTypes.APPLICATION_JSON)
          .end(gathered.toBuffer());
      }
    }
  }
}
