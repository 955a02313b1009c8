package dev.switchboard.core.bus;

import dev.switchboard.core.trace.TraceContext;

/**
 * Sent to {@link CoreAddress#SESSION_CLOSE} (fire and forget): end the backend sessions of a deleted client session.
 *
 * @param session the session being closed
 * @param trace   the trace of the request being handled where this message was made (see {@link CoreBus}); the
 *                short constructor takes {@link TraceContext#current()}
 */
public record CloseSession(SessionContext session, TraceContext trace) implements Traced {
  public CloseSession(SessionContext session) {
    this(session, TraceContext.current());
  }
}
