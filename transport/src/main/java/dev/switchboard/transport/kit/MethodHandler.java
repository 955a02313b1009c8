package dev.switchboard.transport.kit;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** Serves one MCP method: the result object, or a failure (a {@code McpException} becomes a JSON-RPC error). */
@FunctionalInterface
interface MethodHandler {
  Future<JsonObject> handle(InboundCall call);
}
