package dev.switchboard.launcher.demo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Small JSON Schema builders for the demo tool definitions. */
final class Schemas {
  private Schemas() {
  }

  static JsonObject property(String type, String description) {
    return new JsonObject().put("type", type).put("description", description);
  }

  /** A closed object schema: the given properties, all required. */
  static JsonObject object(JsonObject properties) {
    return new JsonObject().put("type", "object").put("properties", properties)
      .put("required", new JsonArray(properties.fieldNames().stream().toList()))
      .put("additionalProperties", false);
  }

  static JsonObject tool(String name, String title, String description, JsonObject inputSchema) {
    return new JsonObject().put("name", name).put("title", title).put("description", description)
      .put("inputSchema", inputSchema)
      .put("annotations", new JsonObject().put("readOnlyHint", true).put("openWorldHint", false));
  }

  static JsonObject promptArgument(String name, String description) {
    return new JsonObject().put("name", name).put("description", description).put("required", true);
  }

  static JsonObject userMessage(String text) {
    return new JsonObject().put("role", "user")
      .put("content", new JsonObject().put("type", "text").put("text", text));
  }
}
