package dev.switchboard.core.bus;

import dev.switchboard.core.trace.TraceContext;
import java.util.Map;

/**
 * Sent to {@link CoreAddress#SESSION_OPEN}: open (or, with {@code backendSessions}, restore) the backend sessions
 * of a client session and compute its view. Replied with {@link SessionOpened}.
 *
 * @param client          the client session
 * @param backendSessions null to open new backend sessions; the stored ids to re-inject a session created elsewhere
 *                        without re-initializing its backends
 * @param viewFingerprint with {@code backendSessions}: the fingerprint of the session's view; when this process
 *                        already holds that view, it is re-injected as is, without asking the backends
 * @param listenAddress   when set, the backends' standalone streams are opened before the reply (as by
 *                        {@link ListenSession} to this address), so that nothing a backend sends on them unprompted
 *                        is lost
 * @param trace           the trace of the request being handled where this message was made, carried over to core
 *                        (see {@link CoreBus}); the short constructor takes {@link TraceContext#current()}
 */
public record OpenSession(ClientSession client, Map<String, String> backendSessions, String viewFingerprint,
                          String listenAddress, TraceContext trace) implements Traced {
  public OpenSession(ClientSession client, Map<String, String> backendSessions, String viewFingerprint,
                     String listenAddress) {
    this(client, backendSessions, viewFingerprint, listenAddress, TraceContext.current());
  }
}
