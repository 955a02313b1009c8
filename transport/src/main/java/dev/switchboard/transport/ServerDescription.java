package dev.switchboard.transport;

import io.vertx.core.json.JsonObject;

/**
 * How the gateway presents itself in the {@code initialize} result.
 *
 * @param name         {@code serverInfo.name}
 * @param title        {@code serverInfo.title} (2025-06-18 and later)
 * @param version      {@code serverInfo.version}
 * @param instructions optional {@code instructions} for the client's model
 */
public record ServerDescription(String name, String title, String version, String instructions) {

  /**
   * The capabilities the gateway implements: list changes and resource updates reach clients on their standalone
   * stream.
   */
  public JsonObject capabilities() {
    return new JsonObject()
      .put("tools", new JsonObject().put("listChanged", true))
      .put("resources", new JsonObject().put("subscribe", true).put("listChanged", true))
      .put("prompts", new JsonObject().put("listChanged", true))
      .put("completions", new JsonObject())
      .put("logging", new JsonObject());
  }

  public JsonObject initializeResult(String protocolVersion) {
    JsonObject serverInfo = new JsonObject().put("name", name).put("version", version);
    if (title != null) {
      serverInfo.put("title", title);
    }
    JsonObject result = new JsonObject()
      .put("protocolVersion", protocolVersion)
      .put("capabilities", capabilities())
      .put("serverInfo", serverInfo);
    if (instructions != null) {
      result.put("instructions", instructions);
    }
    return result;
  }
}
