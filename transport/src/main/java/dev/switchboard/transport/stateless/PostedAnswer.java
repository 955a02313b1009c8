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
 * The answer to one stateless request on its POST: plain JSON, or, once a notification (progress, a wanted log
 * message) must go before the response, an SSE stream that ends with the response. Stateless streams are not
 * resumable, so events carry no id. Its methods may be called from any thread: the writes run on the request's
 * context.
 */
final class PostedAnswer implements StatelessAnswer {
  private final HttpServerRequest req;
  private final Object id;
  private final Context context;
  private final long maxBufferedBytes;
  private SseWriter sse;
  private boolean done;
  private volatile Runnable onGone = () -> { };

  PostedAnswer(HttpServerRequest req, Object id, long maxBufferedBytes) {
    this.req = req;
    this.id = id;
    this.context = Vertx.currentContext();
    this.maxBufferedBytes = maxBufferedBytes;
    req.response().closeHandler(v -> onGone.run());
  }

  @Override
  public void onGone(Runnable action) {
    this.onGone = action;
  }


  /** Runs on the request's context. */
  private void onContext(Runnable action) {
    if (context == null || Vertx.currentContext() == context) {
      action.run();
    } else {
      context.runOnContext(v -> action.run());
    }
  }

  @Override
  public void notify(JsonObject message) {
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

  @Override
  public void result(JsonObject result) {
    respond(JsonRpc.response(id, result));
  }

  /** A failure, mapped by {@link ErrorMapper} (in-band once the stream is open). */
  @Override
  public void fail(Throwable failure) {
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
}
