package dev.switchboard.core.protocol;

import io.vertx.core.json.JsonObject;

/** Builders and accessors for JSON-RPC 2.0 messages held as {@link JsonObject}s. */
public final class JsonRpc {
  public static final String VERSION = "2.0";

  private JsonRpc() {
  }

  public static JsonObject request(Object id, String method, JsonObject params) {
    JsonObject msg = new JsonObject().put("jsonrpc", VERSION).put("id", id).put("method", method);
    if (params != null) {
      msg.put("params", params);
    }
    return msg;
  }

  public static JsonObject notification(String method, JsonObject params) {
    JsonObject msg = new JsonObject().put("jsonrpc", VERSION).put("method", method);
    if (params != null) {
      msg.put("params", params);
    }
    return msg;
  }

  public static JsonObject response(Object id, JsonObject result) {
    return new JsonObject().put("jsonrpc", VERSION).put("id", id).put("result", result == null ? new JsonObject() : result);
  }

  /** An error response; {@code id} may be null when the request id could not be read. */
  public static JsonObject errorResponse(Object id, JsonObject error) {
    return new JsonObject().put("jsonrpc", VERSION).put("id", id).put("error", error);
  }

  public static JsonObject errorResponse(Object id, int code, String message) {
    return errorResponse(id, errorObject(code, message, null));
  }

  public static JsonObject errorObject(int code, String message, Object data) {
    JsonObject error = new JsonObject().put("code", code).put("message", message == null ? "" : message);
    if (data != null) {
      error.put("data", data);
    }
    return error;
  }

  public static boolean isRequest(JsonObject msg) {
    return msg.containsKey("method") && msg.containsKey("id");
  }

  public static boolean isResponse(JsonObject msg) {
    return !msg.containsKey("method") && (msg.containsKey("result") || msg.containsKey("error"));
  }
}
