package dev.switchboard.core.bus;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * The answer to a {@link CoreCall}: exactly one of {@code result} and {@code failure} is set. A failure travels as
 * it is (local delivery, no copy) and the transport turns it into a JSON-RPC error in one place.
 *
 * @param result          the JSON-RPC result
 * @param failure         why there is no result: an {@code McpException} with its code, or anything else
 * @param backendSessions non-null when core had to replace backend sessions (a backend forgot its session, or a
 *                        backend left out at registration came back): the session's new map, to store
 */
public record CoreReply(JsonObject result, Throwable failure, Map<String, String> backendSessions) {
  public static CoreReply ok(JsonObject result) {
    return new CoreReply(result, null, null);
  }

  public static CoreReply failed(Throwable failure) {
    return new CoreReply(null, failure, null);
  }
}
