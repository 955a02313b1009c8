package dev.switchboard.transport.kit;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Renders a prompt for {@code prompts/get}; the result is a {@code GetPromptResult} ({@code messages}, optional
 * {@code description}). Required arguments declared in the prompt definition are checked before the call.
 */
@FunctionalInterface
public interface PromptHandler {
  Future<JsonObject> get(RequestContext ctx, JsonObject arguments);
}
