package dev.switchboard.transport.stateless;

import dev.switchboard.core.protocol.JsonRpc;
import dev.switchboard.transport.streamable.ErrorMapper;
import dev.switchboard.transport.streamable.MediaTypes;
import dev.switchboard.transport.streamable.SseWriter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * The answer to one stateless request: plain JSON, or, once a notification (progress, a wanted log message) must go
 * before the response, an SSE stream on the POST that ends with the response. Stateless streams are not resumable,
 * so events carry no id. Its methods may be called from any thread: the writes run on the request's context.
 */
final class StatelessAnswer {
  private final HttpServerRequest req;
  private final Object id;
  private final Context context;
  private final long maxBufferedBytes;
  private SseWriter sse;
  private boolean done;
  private volatile Runnable onGone = () -> { };

  StatelessAnswer(HttpServerRequest req, Object id, long maxBufferedBytes) {
    this.req = req;
    this.id = id;
    this.context = Vertx.currentContext();
    this.maxBufferedBytes = maxBufferedBytes;
    req.response().closeHandler(v -> onGone.run());
  }

  /** What to do when the client's connection closes before the answer was written. */
  void onGone(Runnable action) {
    this.onGone = action;
  }

  Object id() {
    return id;
  }

  /** Runs on the request's context. */
  private void onContext(Runnable action) {
    if (context == null || Vertx.currentContext() == context) {
      action.run();
    } else {
      context.runOnContext(v -> action.run());
    }
  }

  /** A notification ahead of the response. */
  void notify(JsonObject message) {
    onContext(() -> {
      if (done || req.response().closed()) {
        return;
      }
      if (sse == null) {
        sse = SseWriter.start(req.response(), maxBufferedBytes);
        sse.closeHandler(v -> {
          if (!done) {
            onGone.run();
          }
        });
      }
      sse.event(null, message.encode());
    });
  }

  /** The result. */
  void result(JsonObject result) {
    respond(JsonRpc.response(id, result));
  }

  /** A failure, mapped by {@link ErrorMapper} (in-band once the stream is open). */
  void fail(Throwable failure) {
    onContext(() -> {
      if (done) {
        return;
      }
      if (sse == null) {
        done = true;
        ErrorMapper.respond(req, failure, id);
      } else {
        write(JsonRpc.errorResponse(id, ErrorMapper.errorObject(failure)));
      }
    });
  }

  private void respond(JsonObject response) {
    onContext(() -> write(response));
  }

  private void write(JsonObject response) {
    if (done) {
      return;
    }
    done = true;
    if (sse != null) {
      sse.event(null, response.encode());
      sse.end();
    } else if (!req.response().ended() && !req.response().closed()) {
      req.response().setStatusCode(200).putHeader(HttpHeaders.CONTENT_TYPE, MediaTypes.APPLICATION_JSON)
        .end(response.toBuffer());
    }
  }

  /** True when the client went away. */
  boolean abandoned() {
    return req.response().closed();
  }
}
