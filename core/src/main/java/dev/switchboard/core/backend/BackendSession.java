package dev.switchboard.core.backend;

import io.vertx.core.json.JsonObject;

/**
 * A session opened on one backend by {@link BackendClient#open}.
 *
 * @param backend            backend name
 * @param sessionId          the backend's {@code Mcp-Session-Id}, or null for a stateless backend
 * @param protocolVersion    the version the backend negotiated
 * @param serverCapabilities the backend's {@code capabilities} from its initialize result
 * @param serverInfo         the backend's {@code serverInfo}
 */
public record BackendSession(String backend, String sessionId, String protocolVersion, JsonObject serverCapabilities,
                             JsonObject serverInfo) {
}
