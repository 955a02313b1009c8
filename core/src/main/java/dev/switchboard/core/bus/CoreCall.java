package dev.switchboard.core.bus;

import dev.switchboard.core.trace.TraceContext;
import io.vertx.core.json.JsonObject;

/**
 * Sent to {@link CoreAddress#CALL}: one client request to route (tools/list, tools/call, resources/read, ...). Core
 * answers with {@link CallEvent}s sent to {@code replyTo}: the messages the backend streams before its answer
 * ({@link StreamMessage}, only when {@code streams}), then one {@link CoreReply}. They travel one ordered path, so the
 * reply never overtakes the last progress message.
 *
 * @param session   the session
 * @param requestId the client's JSON-RPC id, passed on to the backend unchanged (a client's
 *                  {@code notifications/cancelled} then needs no mapping)
 * @param method    the MCP method
 * @param params    the request params (may be null)
 * @param replyTo   the address of the caller's call events (one per transport verticle, not one per call)
 * @param callId    the caller's number for this call, repeated in each {@link CallEvent}
 * @param streams   whether the caller can stream messages before the answer (false for a batch)
 * @param trace     the trace of the request being handled where this call was made (see {@link CoreBus}); the
 *                  short constructor takes {@link TraceContext#current()}
 */
public record CoreCall(SessionContext session, Object requestId, String method, JsonObject params, String replyTo,
                       long callId, boolean streams, TraceContext trace) implements Traced {
  public CoreCall(SessionContext session, Object requestId, String method, JsonObject params, String replyTo,
                  long callId, boolean streams) {
    this(session, requestId, method, params, replyTo, callId, streams, TraceContext.current());
  }
}
