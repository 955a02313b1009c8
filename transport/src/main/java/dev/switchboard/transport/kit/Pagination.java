package dev.switchboard.transport.kit;

import dev.switchboard.core.protocol.McpException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Pages list results with opaque cursors (base64url of an offset); an invalid cursor is {@code -32602}. */
final class Pagination {
  private static final String PREFIX = "offset:";

  private Pagination() {
  }

  /** The result object {@code {key: [page], nextCursor?}} for {@code params.cursor}. */
  static JsonObject page(List<JsonObject> items, JsonObject params, int pageSize, String key) {
    int from = offset(params.getValue("cursor"), items.size());
    int to = pageSize <= 0 ? items.size() : (int) Math.min((long) from + pageSize, items.size());
    JsonArray page = new JsonArray();
    for (int i = from; i < to; i++) {
      page.add(items.get(i).copy());
    }
    JsonObject result = new JsonObject().put(key, page);
    if (to < items.size()) {
      result.put("nextCursor", encode(to));
    }
    return result;
  }

  static String encode(int offset) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int offset(Object cursor, int size) {
    if (cursor == null) {
      return 0;
    }
    if (!(cursor instanceof String text)) {
      throw McpException.invalidParams("Invalid cursor");
    }
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      if (decoded.startsWith(PREFIX)) {
        int offset = Integer.parseInt(decoded.substring(PREFIX.length()));
        if (offset >= 0 && offset <= size) {
          return offset;
        }
      }
    } catch (IllegalArgumentException e) {
      // falls through to the invalid-cursor error
    }
    throw McpException.invalidParams("Invalid cursor");
  }
}
