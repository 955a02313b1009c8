package dev.switchboard.transport.streamable;

import io.vertx.core.buffer.Buffer;

/**
 * A cheap guard against deeply nested JSON, run on the raw body before parsing: one pass over the bytes counting
 * {@code {}/[} nesting outside strings, without allocating. It does not validate the JSON.
 */
public final class JsonDepth {
  private JsonDepth() {
  }

  /** True when objects/arrays in {@code json} nest deeper than {@code maxDepth}. */
  public static boolean exceeds(Buffer json, int maxDepth) {
    int depth = 0;
    boolean inString = false;
    boolean escaped = false;
    int length = json.length();
    for (int i = 0; i < length; i++) {
      byte b = json.getByte(i);
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (b == '\\') {
          escaped = true;
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == '{' || b == '[') {
        if (++depth > maxDepth) {
          return true;
        }
      } else if (b == '}' || b == ']') {
        depth--;
      }
    }
    return false;
  }
}
