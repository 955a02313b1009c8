package dev.switchboard.transport.streamable;

import dev.switchboard.core.json.JsonNumbers;
import dev.switchboard.core.protocol.JsonRpc;
import dev.switchboard.core.protocol.JsonRpcError;
import dev.switchboard.core.protocol.McpException;
import io.vertx.core.json.JsonObject;

/**
 * One validated JSON-RPC message from a client.
 *
 * @param kind   request, notification or response
 * @param id     the id (String or Number) of a request or response, else null
 * @param method the method of a request or notification, else null
 * @param params the params object (null when absent)
 * @param json   the whole message
 */
public record JsonRpcMessage(Kind kind, Object id, String method, JsonObject params, JsonObject json) {

  public enum Kind {
    REQUEST, NOTIFICATION, RESPONSE
  }

  /**
   * Validates the envelope.
   *
   * @throws McpException -32600 for anything that is not a JSON-RPC 2.0 message (carrying the id when readable),
   *                      -32602 for params that are not an object
   */
  public static JsonRpcMessage parse(Object value) {
    if (!(value instanceof JsonObject json)) {
      throw invalid(null, "a JSON-RPC message must be an object");
    }
    Object id = json.getValue("id");
    boolean hasId = json.containsKey("id");
    if (hasId && !(id instanceof String) && !(id instanceof Number)) {
      throw invalid(null, "id must be a string or a number");
    }
    if (id instanceof Number number && !JsonNumbers.isIntegral(number)) {
      throw invalid(null, "id must be a string or an integer");
    }
    if (!JsonRpc.VERSION.equals(json.getValue("jsonrpc"))) {
      throw invalid(id, "jsonrpc must be \"2.0\"");
    }
    Object method = json.getValue("method");
    if (method == null) {
      boolean result = json.containsKey("result");
      boolean error = json.containsKey("error");
      if (!hasId || result == error) {
        throw invalid(id, "a message needs a method, or an id with exactly one of result and error");
      }
      return new JsonRpcMessage(Kind.RESPONSE, id, null, null, json);
    }
    if (!(method instanceof String name) || name.isEmpty()) {
      throw invalid(id, "method must be a non-empty string");
    }
    Object params = json.getValue("params");
    if (params != null && !(params instanceof JsonObject)) {
      if (hasId) {
        throw new McpException(JsonRpcError.INVALID_PARAMS, "params must be an object", null);
      }
      throw invalid(null, "params must be an object");
    }
    return new JsonRpcMessage(hasId ? Kind.REQUEST : Kind.NOTIFICATION, id, name, (JsonObject) params, json);
  }

  private static InvalidMessage invalid(Object id, String message) {
    return new InvalidMessage(id, "Invalid Request: " + message);
  }

  /** An invalid envelope, remembering the id when one could be read. */
  public static final class InvalidMessage extends McpException {
    private final transient Object id;

    public InvalidMessage(Object id, String message) {
      super(JsonRpcError.INVALID_REQUEST, message);
      this.id = id;
    }

    public Object id() {
      return id;
    }
  }
}
