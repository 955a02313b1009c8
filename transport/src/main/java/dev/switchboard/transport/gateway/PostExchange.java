package dev.switchboard.transport.gateway;

import dev.switchboard.core.bus.StreamMessage;
import dev.switchboard.core.protocol.ProtocolVersion;
import dev.switchboard.transport.streamable.SseWriter;
import dev.switchboard.transport.session.LocalSession;
import dev.switchboard.transport.streamable.ClientStream;
import dev.switchboard.transport.streamable.StreamRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * The answer to one POSTed request. It stays a plain JSON answer unless something arrives before the response
 * (progress, a log message, a server-to-client request, a pause): then it becomes an SSE stream with a priming event,
 * {@code retry:}, the messages, and finally the response. Runs on the request's context.
 */
final class PostExchange {
  private final HttpServerRequest request;
  private final LocalSession session;
  private final StreamRegistry streams;
  private final Context context;
  private ClientStream stream;

  PostExchange(HttpServerRequest request, LocalSession session, StreamRegistry streams, Context context) {
    this.request = request;
    this.session = session;
    this.streams = streams;
    this.context = context;
  }

  void onStreamMessage(StreamMessage message) {
    if (message.message() != null && !Notifications.wanted(session, message.message())) {
      return;
    }
    boolean polling = ProtocolVersion.V2025_11_25.compareTo(session.protocolVersion()) <= 0;
    if (message.message() == null && !polling) {
      return;
    }
    ClientStream sse = sse();
    if (message.message() != null) {
      sse.send(message.message());
    }
    if (message.pause() && polling) {
      sse.pause();
    }
  }

  /** Sends the response: as JSON if nothing was streamed, else as the stream's last event. */
  Future<Void> complete(JsonObject response) {
    if (stream != null) {
      stream.finish(response);
      return Future.succeededFuture();
    }
    if (request.response().ended() || request.response().closed()) {
      return Future.succeededFuture();
    }
    return request.response().setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
      .end(response.toBuffer());
  }

  boolean streaming() {
    return stream != null;
  }

  private ClientStream sse() {
    if (stream == null) {
      stream = streams.openPost(session.id());
      if (!request.response().ended() && !request.response().closed()) {
        boolean priming = ProtocolVersion.V2025_11_25.compareTo(session.protocolVersion()) <= 0;
        stream.attach(SseWriter.start(request.response()), priming, null);
      }
    }
    return stream;
  }
}
