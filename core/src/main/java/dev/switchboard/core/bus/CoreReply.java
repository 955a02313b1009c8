package dev.switchboard.core.bus;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Reply to {@link CoreCall}: exactly one of {@code result} and {@code error} is set.
 *
 * @param result          the JSON-RPC result
 * @param error           a JSON-RPC error object ({@code code}, {@code message}, {@code data?})
 * @param backendSessions non-null when core had to replace backend sessions (a backend forgot its session, or a
 *                        backend left out at registration came back): the session's new map, to store
 */
public record CoreReply(JsonObject result, JsonObject error, Map<String, String> backendSessions) {
  public static CoreReply ok(JsonObject result) {
    return new CoreReply(result, null, null);
  }

  public static CoreReply failed(JsonObject error) {
    return new CoreReply(null, error, null);
  }
}
