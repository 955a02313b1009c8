package dev.switchboard.core.backend.pipe;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;

/** Opens a new {@link Pipe} to a backend: starts a process, or connects an event stream. */
interface PipeFactory {
  /**
   * @param context   the owner's context, where messages and the end are delivered
   * @param onMessage receives each incoming message (one JSON text)
   */
  Future<Pipe> open(Context context, Handler<Buffer> onMessage);
}
