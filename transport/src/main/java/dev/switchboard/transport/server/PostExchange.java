package dev.switchboard.transport.server;

import dev.switchboard.core.protocol.ProtocolVersion;
import dev.switchboard.transport.http.HttpResponses;
import dev.switchboard.transport.http.MediaTypes;
import dev.switchboard.transport.http.SseWriter;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The answer to one POST that carried requests. It stays plain {@code application/json} while handlers only return
 * results, and switches to {@code text/event-stream} (a priming event first, for 2025-11-25 sessions) as soon as a
 * handler sends anything else: progress, a log message or a server-to-client request. The stream ends after the last
 * expected response. A cancelled request gets no response; if nothing at all was sent, an empty stream ends the POST.
 */
final class PostExchange {
  private final HttpServerResponse resp;
  private final ServerSession session;
  private final boolean batch;
  private final String streamKey;
  private final JsonArray batchResponses = new JsonArray();
  private SseWriter sse;
  private int outstanding;
  private boolean finished;

  PostExchange(HttpServerResponse resp, ServerSession session, boolean batch, int expectedResponses) {
    this.resp = resp;
    this.session = session;
    this.batch = batch;
    this.streamKey = session.nextStreamKey();
    this.outstanding = expectedResponses;
    if (session.runtime().options().isAlwaysSse()) {
      startSse(true);
    }
  }

  /** Sends a request or notification related to the POST's requests; {@code droppable} ones skip a full queue. */
  Future<Void> send(JsonObject message, boolean droppable) {
    if (finished || resp.closed()) {
      return Future.failedFuture(new IllegalStateException("The request's stream has ended"));
    }
    if (sse == null) {
      startSse(true);
    }
    if (droppable && sse.writeQueueFull()) {
      return Future.failedFuture(new IllegalStateException("Stream congested; message dropped"));
    }
    return sse.event(session.nextEventId(streamKey), message.encode());
  }

  /** Delivers one JSON-RPC response; the exchange ends after the last expected one. */
  void respond(JsonObject response) {
    if (finished) {
      return;
    }
    outstanding--;
    if (sse != null) {
      sse.event(session.nextEventId(streamKey), response.encode());
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

  private void finish() {
    finished = true;
    if (sse == null && !batchResponses.isEmpty()) {
      resp.setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, MediaTypes.APPLICATION_JSON);
      if (!resp.closed()) {
        resp.end(batchResponses.toBuffer());
      }
      return;
    }
    if (sse == null) {
      startSse(false);
    }
    sse.end();
  }

  private void startSse(boolean priming) {
    sse = SseWriter.start(resp);
    if (priming && ProtocolVersion.V2025_11_25.equals(session.protocolVersion())) {
      sse.event(session.nextEventId(streamKey), "");
    }
  }
}
