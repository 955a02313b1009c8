package dev.switchboard.core.bus;

import io.vertx.core.json.JsonObject;

/**
 * Sent to {@link CoreAddress#CALL}: one client request to route (tools/list, tools/call, resources/read, ...).
 * Replied with {@link CoreReply}.
 *
 * @param session       the session
 * @param method        the MCP method
 * @param params        the request params (may be null)
 * @param streamAddress where core sends {@link StreamMessage}s (progress, log messages, server-to-client requests)
 *                      before replying; null when the caller cannot stream
 */
public record CoreCall(SessionContext session, String method, JsonObject params, String streamAddress) {
}
