package dev.switchboard.core.backend.pipe;

import dev.switchboard.core.backend.BackendStream;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;

/**
 * The standalone stream of one virtual session: the process's notifications that concern the session are passed to
 * its handler on the context that opened it. There is no connection to keep: it stays open until closed, or until
 * the session is gone (its process exited in per-session mode).
 */
final class VirtualStream implements BackendStream {
  private final String backend;
  private final String sessionId;
  private final Context context;
  private final Handler<JsonObject> handler;
  private final Runnable onClose;
  private final Promise<Void> closed = Promise.promise();

  VirtualStream(String backend, String sessionId, Context context, Handler<JsonObject> handler, Runnable onClose) {
    this.backend = backend;
    this.sessionId = sessionId;
    this.context = context;
    this.handler = handler;
    this.onClose = onClose;
  }

  void deliver(JsonObject message) {
    context.runOnContext(v -> {
      if (!isClosed()) {
        handler.handle(message);
      }
    });
  }

  /** Ends the stream because its session is gone. */
  void end(Throwable cause) {
    closed.tryFail(cause);
  }

  @Override
  public String backend() {
    return backend;
  }

  @Override
  public String sessionId() {
    return sessionId;
  }

  @Override
  public boolean supported() {
    return true;
  }

  @Override
  public boolean isClosed() {
    return closed.future().isComplete();
  }

  @Override
  public Future<Void> closed() {
    return closed.future();
  }

  @Override
  public Future<Void> close() {
    if (closed.tryComplete()) {
      onClose.run();
    }
    return Future.succeededFuture();
  }
}
