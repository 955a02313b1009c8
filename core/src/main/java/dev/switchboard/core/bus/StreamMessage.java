package dev.switchboard.core.bus;

import io.vertx.core.json.JsonObject;

/**
 * A JSON-RPC request or notification that a backend sent while serving a {@link CoreCall}, already rewritten for
 * the client (progress tokens, request ids), sent to the call's {@code streamAddress}.
 *
 * @param message the JSON-RPC message to forward to the client
 */
public record StreamMessage(JsonObject message) {
}
