package dev.switchboard.transport.kit;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Runs a {@code tools/call}. The result is a {@code CallToolResult} ({@code content}, optional
 * {@code structuredContent}, {@code isError}). Failing with a {@link dev.switchboard.core.protocol.McpException}
 * gives a JSON-RPC error; failing (or throwing) with anything else gives an {@code isError} result with the message.
 */
@FunctionalInterface
public interface ToolHandler {
  Future<JsonObject> call(RequestContext ctx, JsonObject arguments);
}
