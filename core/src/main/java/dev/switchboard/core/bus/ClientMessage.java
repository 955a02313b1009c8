package dev.switchboard.core.bus;

import io.vertx.core.json.JsonObject;

/**
 * Sent to {@link CoreAddress#CLIENT_MESSAGE} (no reply): a message from the client that is not a request: a response
 * to a server-to-client request (its id minted by the gateway names the backend), {@code notifications/cancelled},
 * {@code notifications/roots/list_changed}.
 *
 * @param session the session
 * @param message the JSON-RPC message as the client sent it
 */
public record ClientMessage(SessionContext session, JsonObject message) {
}
