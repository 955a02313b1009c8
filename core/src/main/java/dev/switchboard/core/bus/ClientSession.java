package dev.switchboard.core.bus;

import io.vertx.core.json.JsonObject;

/**
 * What core needs to know of a client session: plain data, no HTTP.
 *
 * @param sessionId          the gateway session id (for logs and per-session state)
 * @param identity           the caller
 * @param protocolVersion    the negotiated protocol version
 * @param clientInfo         the client's {@code clientInfo}
 * @param clientCapabilities the client's {@code capabilities}
 */
public record ClientSession(String sessionId, Identity identity, String protocolVersion, JsonObject clientInfo,
                            JsonObject clientCapabilities) {
}
