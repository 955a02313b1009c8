package dev.switchboard.transport.kit;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Reads a resource for {@code resources/read}; the result is a {@code ReadResourceResult} ({@code contents}).
 * For a resource template, {@code variables} holds the values matched from the URI; for a static resource it is empty.
 */
@FunctionalInterface
public interface ResourceHandler {
  Future<JsonObject> read(RequestContext ctx, String uri, Map<String, String> variables);
}
