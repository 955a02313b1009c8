package dev.switchboard.core.bus;

import io.vertx.core.json.JsonObject;

/**
 * Sent to {@link CoreAddress#CALL}: one client request to route (tools/list, tools/call, resources/read, ...).
 * Replied with {@link CoreReply}.
 *
 * @param session       the session
 * @param requestId     the client's JSON-RPC id, passed on to the backend unchanged (a client's
 *                      {@code notifications/cancelled} then needs no mapping)
 * @param method        the MCP method
 * @param params        the request params (may be null)
 * @param streamAddress where core sends {@link StreamMessage}s (progress, log messages, server-to-client requests)
 *                      before replying; null when the caller cannot stream
 */
public record CoreCall(SessionContext session, Object requestId, String method, JsonObject params, String streamAddress) {
}
