package dev.switchboard.core.backend.impl;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * One dispatched server-sent event.
 *
 * @param id    the stream's last event id when the event was dispatched ({@code ""} when none was ever set)
 * @param type  the event type ({@code message} unless an {@code event:} field named another)
 * @param data  the data lines' bytes joined with {@code \n}, without the final newline, as the stream carried them
 *              (not decoded: a JSON-RPC message is parsed from these bytes); may be empty (priming events)
 * @param retry the reconnection time in milliseconds last announced by {@code retry:}, or -1 when none was
 */
public record SseEvent(String id, String type, Buffer data, long retry) {
  /** The type of an event without an {@code event:} field. */
  public static final String DEFAULT_TYPE = "message";

  /** The data decoded as UTF-8 (malformed sequences replaced), for an event whose data is text rather than JSON. */
  public String text() {
    return data.toString(StandardCharsets.UTF_8);
  }

  /** True when the data is empty or only JSON whitespace (space, tab, line feed, carriage return). */
  public boolean isBlank() {
    for (int i = 0, length = data.length(); i < length; i++) {
      byte b = data.getByte(i);
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
