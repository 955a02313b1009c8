package dev.switchboard.transport.kit;

import io.vertx.core.json.JsonObject;

/** The shape of an incoming JSON-RPC 2.0 message; anything malformed is {@link #INVALID}. */
enum MessageKind {
  REQUEST, NOTIFICATION, RESPONSE, INVALID;

  static MessageKind of(JsonObject message) {
    if (!"2.0".equals(message.getValue("jsonrpc"))) {
      return INVALID;
    }
    Object method = message.getValue("method");
    boolean hasId = message.containsKey("id");
    Object id = message.getValue("id");
    boolean validId = id instanceof String || id instanceof Number;
    if (method != null) {
      if (!(method instanceof String)) {
        return INVALID;
      }
      if (!hasId) {
        return NOTIFICATION;
      }
      return validId ? REQUEST : INVALID;
    }
    boolean hasResult = message.containsKey("result");
    boolean hasError = message.containsKey("error");
    return validId && hasResult != hasError ? RESPONSE : INVALID;
  }
}
