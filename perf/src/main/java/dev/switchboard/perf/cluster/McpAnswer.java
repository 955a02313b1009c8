package dev.switchboard.perf.cluster;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * One HTTP answer of the gateway: status, headers, and the JSON-RPC message it carried, whether as one JSON body or
 * as the {@code data:} of an SSE event (the last message with the request's id wins).
 *
 * @param status  the HTTP status
 * @param headers the response headers
 * @param message the JSON-RPC response, or null (202, empty body, or not JSON)
 */
record McpAnswer(int status, MultiMap headers, JsonObject message) {

  static McpAnswer of(int status, MultiMap headers, Buffer body, Object requestId) {
    String contentType = headers.get("Content-Type");
    JsonObject message = null;
    if (body != null && body.length() > 0) {
      message = contentType != null && contentType.startsWith("text/event-stream")
        ? fromSse(body.toString(), requestId)
        : parse(body.toString());
    }
    return new McpAnswer(status, headers, message);
  }

  /** The {@code result} object, or null when the answer has none. */
  JsonObject result() {
    return message == null ? null : message.getJsonObject("result");
  }

  /** The JSON-RPC error code, or null. */
  Integer errorCode() {
    JsonObject error = message == null ? null : message.getJsonObject("error");
    return error == null ? null : error.getInteger("code");
  }

  private static JsonObject fromSse(String stream, Object requestId) {
    JsonObject found = null;
    for (String event : stream.split("\r?\n\r?\n")) {
      StringBuilder data = new StringBuilder();
      for (String line : event.split("\r?\n")) {
        if (line.startsWith("data:")) {
          data.append(line.substring(line.startsWith("data: ") ? 6 : 5)).append('\n');
        }
      }
      JsonObject message = parse(data.toString());
      if (message != null && String.valueOf(requestId).equals(String.valueOf(message.getValue("id")))) {
        found = message;
      }
    }
    return found;
  }

  private static JsonObject parse(String text) {
    try {
      return text.isBlank() ? null : new JsonObject(text);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
