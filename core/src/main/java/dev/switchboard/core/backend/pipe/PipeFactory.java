package dev.switchboard.core.backend.pipe;

import io.vertx.core.Context;
import io.vertx.core.Future;

/** Opens a new {@link Pipe} to a backend: starts a process, or connects an event stream. */
interface PipeFactory {
  /**
   * @param context the owner's context, where the end and messages are delivered (answers may go straight to their
   *                callers, see {@link Inbox#answerNow})
   * @param inbox   receives each incoming message
   */
  Future<Pipe> open(Context context, Inbox inbox);
}
