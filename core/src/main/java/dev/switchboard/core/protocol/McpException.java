package dev.switchboard.core.protocol;

import io.vertx.core.json.JsonObject;

/**
 * A protocol-tier failure: it becomes a JSON-RPC error object with {@link #code()}, the message and optional data.
 * Tool execution failures are not protocol errors; they are {@code isError} results (see {@link Results}).
 */
public class McpException extends RuntimeException {
  private final int code;
  private final Object data;

  public McpException(int code, String message) {
    this(code, message, null);
  }

  public McpException(int code, String message, Object data) {
    super(message, null, false, false);
    this.code = code;
    this.data = data;
  }

  public int code() {
    return code;
  }

  /** Optional JSON-RPC {@code error.data}: a JsonObject, JsonArray, String, Number, Boolean or null. */
  public Object data() {
    return data;
  }

  public JsonObject toErrorObject() {
    return JsonRpc.errorObject(code, getMessage(), data);
  }

  public static McpException invalidParams(String message) {
    return new McpException(JsonRpcError.INVALID_PARAMS, message);
  }

  public static McpException methodNotFound(String method) {
    return new McpException(JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + method);
  }

  public static McpException internal(String message) {
    return new McpException(JsonRpcError.INTERNAL_ERROR, message);
  }
}
