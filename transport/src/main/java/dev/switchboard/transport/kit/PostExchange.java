package dev.switchboard.transport.kit;

import dev.switchboard.core.protocol.ProtocolVersion;
import dev.switchboard.transport.streamable.HttpResponses;
import dev.switchboard.transport.streamable.MediaTypes;
import dev.switchboard.transport.streamable.SseWriter;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The answer to one POST that carried requests. It stays plain {@code application/json} while handlers only return
 * results, and switches to {@code text/event-stream} (a priming event and {@code retry:} first, for 2025-11-25
 * sessions) as soon as a handler sends anything else: progress, a log message or a server-to-client request. From
 * then on the answer is an {@link SseStream}: its events are kept for resumption, it survives the connection (closed
 * by the client, or by the server with {@link #closeForPolling()}), and it ends after the last expected response. A
 * cancelled request gets no response; if nothing at all was sent, an empty stream ends the POST.
 */
final class PostExchange {
  private final HttpServerResponse resp;
  private final ServerSession session;
  private final boolean batch;
  private final JsonArray batchResponses = new JsonArray();
  private SseStream stream;
  private int outstanding;
  private boolean finished;

  PostExchange(HttpServerResponse resp, ServerSession session, boolean batch, int expectedResponses) {
    this.resp = resp;
    this.session = session;
    this.batch = batch;
    this.outstanding = expectedResponses;
    if (session.runtime().options().isAlwaysSse()) {
      startSse(true);
    }
  }

  /**
   * Sends a request or notification related to the POST's requests; {@code droppable} ones skip a congested
   * connection. While the client is away (after a disconnect or {@link #closeForPolling()}) messages wait in the
   * session's event log for its resumption.
   */
  Future<Void> send(JsonObject message, boolean droppable) {
    if (finished) {
      return Future.failedFuture(new IllegalStateException("The request's stream has ended"));
    }
    if (stream == null) {
      startSse(true);
    }
    if (droppable && stream.congested()) {
      return Future.failedFuture(new IllegalStateException("Stream congested; message dropped"));
    }
    return stream.emit(message.encode());
  }

  /** Delivers one JSON-RPC response; the exchange ends after the last expected one. */
  void respond(JsonObject response) {
    if (finished) {
      return;
    }
    outstanding--;
    if (stream != null) {
      stream.emit(response.encode());
    } else if (batch) {
      batchResponses.add(response);
    } else {
      finished = true;
      HttpResponses.json(resp, 200, response);
      return;
    }
    if (outstanding <= 0) {
      finish();
    }
  }

  /** One expected response will never come (the request was cancelled). */
  void drop() {
    if (finished) {
      return;
    }
    if (--outstanding <= 0) {
      finish();
    }
  }

  /**
   * Ends the POST's connection after the events sent so far (SSE polling, 2025-11-25): the client reconnects with
   * {@code GET} and {@code Last-Event-ID} to get the rest. A JSON answer is switched to SSE first, so that the client
   * has an event id to resume from. False when not allowed: an older session, or the answer is complete.
   */
  boolean closeForPolling() {
    if (finished || !ProtocolVersion.V2025_11_25.equals(session.protocolVersion())) {
      return false;
    }
    if (stream == null) {
      startSse(true);
    }
    stream.disconnect();
    return true;
  }

  private void finish() {
    finished = true;
    if (stream == null && !batchResponses.isEmpty()) {
      resp.setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, MediaTypes.APPLICATION_JSON);
      if (!resp.closed()) {
        resp.end(batchResponses.toBuffer());
      }
      return;
    }
    if (stream == null) {
      startSse(false);
    }
    stream.finish();
  }

  /** Switches to SSE; batch responses gathered while the answer was still JSON go first. */
  private void startSse(boolean priming) {
    stream = session.openPostStream();
    stream.open(SseWriter.start(resp), priming);
    for (Object response : batchResponses) {
      stream.emit(((JsonObject) response).encode());
    }
    batchResponses.clear();
  }
}
