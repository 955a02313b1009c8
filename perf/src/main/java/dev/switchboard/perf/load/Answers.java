package dev.switchboard.perf.load;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * Finds and checks the JSON-RPC response to one request in a {@link Reply}: the whole body when it is JSON, or the
 * event carrying our id when it is an SSE stream (notifications before it are skipped).
 */
final class Answers {
  private Answers() {
  }

  /** The {@code result} of the response to request {@code id}; anything else fails with its {@link ErrorKind}. */
  static JsonObject result(Reply reply, long id) {
    JsonObject message = reply.isEventStream() ? fromStream(reply.body(), id) : decode(reply.body());
    Object error = message.getValue("error");
    if (error != null) {
      String text = error instanceof JsonObject e ? e.getValue("code") + " " + e.getValue("message") : "" + error;
      throw new LoadFailure(ErrorKind.JSON_RPC, "JSON-RPC error " + text);
    }
    if (!(message.getValue("id") instanceof Number n) || n.longValue() != id) {
      throw new LoadFailure(ErrorKind.VALIDATION, "response id " + message.getValue("id") + " is not " + id);
    }
    if (!(message.getValue("result") instanceof JsonObject result)) {
      throw new LoadFailure(ErrorKind.VALIDATION, "response to " + id + " has no result object");
    }
    return result;
  }

  private static JsonObject decode(Buffer body) {
    try {
      return new JsonObject(body);
    } catch (DecodeException | ClassCastException e) {
      throw new LoadFailure(ErrorKind.VALIDATION, "body is not a JSON object");
    }
  }

  /** Scans {@code data:} lines; an event's data lines are joined with newlines as SSE says. */
  private static JsonObject fromStream(Buffer body, long id) {
    String text = body.toString(StandardCharsets.UTF_8);
    StringBuilder data = new StringBuilder();
    int pos = 0;
    while (pos <= text.length()) {
      int end = text.indexOf('\n', pos);
      String line = end < 0 ? text.substring(pos) : text.substring(pos, end);
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (line.isEmpty()) {
        JsonObject message = data.isEmpty() ? null : decode(Buffer.buffer(data.toString()));
        data.setLength(0);
        if (message != null && isResponseTo(message, id)) {
          return message;
        }
      } else if (line.startsWith("data:")) {
        String value = line.substring(5);
        data.append(data.isEmpty() ? "" : "\n").append(value.startsWith(" ") ? value.substring(1) : value);
      }
      if (end < 0) {
        break;
      }
      pos = end + 1;
    }
    if (!data.isEmpty()) {
      JsonObject message = decode(Buffer.buffer(data.toString()));
      if (isResponseTo(message, id)) {
        return message;
      }
    }
    throw new LoadFailure(ErrorKind.VALIDATION, "event stream carried no response to " + id);
  }

  private static boolean isResponseTo(JsonObject message, long id) {
    return !message.containsKey("method") && message.getValue("id") instanceof Number n && n.longValue() == id;
  }
}
