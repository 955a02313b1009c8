package dev.switchboard.core.protocol;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Builders for common MCP results. */
public final class Results {
  private Results() {
  }

  /** A {@code tools/call} result with one text block. */
  public static JsonObject text(String text) {
    return new JsonObject().put("content", new JsonArray().add(textBlock(text)));
  }

  /** A {@code tools/call} execution failure: {@code isError: true} with one text block. */
  public static JsonObject toolError(String text) {
    return text(text).put("isError", true);
  }

  public static JsonObject textBlock(String text) {
    return new JsonObject().put("type", "text").put("text", text);
  }
}
