package dev.switchboard.core.bus;

import dev.switchboard.core.trace.TraceContext;

/**
 * Sent to {@link CoreAddress#SESSION_LISTEN} (no reply) when a client opens its standalone stream: core opens the
 * backends' standalone streams for the session (once) and sends what arrives to {@code address}, as
 * {@link StreamMessage}s and, when a backend's list changes, {@link ViewChanged}.
 *
 * @param session the session
 * @param address where to send the session's messages
 * @param trace   the trace of the request being handled where this message was made (see {@link CoreBus}); the
 *                short constructor takes {@link TraceContext#current()}
 */
public record ListenSession(SessionContext session, String address, TraceContext trace) implements Traced {
  public ListenSession(SessionContext session, String address) {
    this(session, address, TraceContext.current());
  }
}
