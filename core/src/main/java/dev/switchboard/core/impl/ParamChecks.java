package dev.switchboard.core.impl;

import dev.switchboard.core.protocol.McpException;
import io.vertx.core.json.JsonObject;

/** Checks on request params that end in {@code -32602}. */
final class ParamChecks {
  private ParamChecks() {
  }

  static String requireString(JsonObject params, String field) {
    Object value = params.getValue(field);
    if (!(value instanceof String s) || s.isEmpty()) {
      throw McpException.invalidParams(field + " must be a non-empty string");
    }
    return s;
  }
}
