package dev.switchboard.core.backend.pipe;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/**
 * A bidirectional channel of JSON-RPC messages to one backend MCP session: a process's stdin and stdout, or a
 * legacy HTTP+SSE connection (POSTs out, an event stream in). Incoming messages go to the {@link Inbox} given when
 * the pipe was opened, on the owner's context (a process's answers may go straight to their callers, see
 * {@link Inbox#answerNow}).
 */
interface Pipe {
  /** What the logs call this pipe (e.g. {@code process 1234}). */
  String describe();

  /** Queues one message; false when the pipe cannot take it now (full, or ended). Never blocks. */
  boolean write(Buffer message);

  /**
   * Completes, on the owner's context, once the pipe has ended, with why (the exit code, the lost connection); a
   * {@link dev.switchboard.core.backend.BackendException} of kind {@code SESSION_EXPIRED} when the server forgot the
   * session.
   */
  Future<Throwable> ended();

  /** Ends the pipe (gracefully first, where that means something); completes when it has ended. */
  Future<Void> stop();
}
