package dev.switchboard.transport.kit;

import dev.switchboard.core.protocol.McpException;
import io.vertx.core.json.JsonObject;

/** Typed access to request params; a missing or mistyped field is {@code -32602 Invalid params}. */
final class ParamReader {
  private ParamReader() {
  }

  static String requiredString(JsonObject params, String key) {
    Object value = params.getValue(key);
    if (!(value instanceof String text)) {
      throw McpException.invalidParams(value == null ? "Missing '" + key + "'" : "'" + key + "' must be a string");
    }
    return text;
  }

  /** The object at {@code key}, or an empty object when absent. */
  static JsonObject optionalObject(JsonObject params, String key) {
    Object value = params.getValue(key);
    if (value == null) {
      return new JsonObject();
    }
    if (!(value instanceof JsonObject object)) {
      throw McpException.invalidParams("'" + key + "' must be an object");
    }
    return object;
  }

  static JsonObject requiredObject(JsonObject params, String key) {
    if (params.getValue(key) == null) {
      throw McpException.invalidParams("Missing '" + key + "'");
    }
    return optionalObject(params, key);
  }
}
