package dev.switchboard.core.backend.impl;

/**
 * One dispatched server-sent event.
 *
 * @param id    the stream's last event id when the event was dispatched ({@code ""} when none was ever set)
 * @param type  the event type ({@code message} unless an {@code event:} field named another)
 * @param data  the data lines joined with {@code \n}, without the final newline; may be empty (priming events)
 * @param retry the reconnection time in milliseconds last announced by {@code retry:}, or -1 when none was
 */
public record SseEvent(String id, String type, String data, long retry) {
  /** The type of an event without an {@code event:} field. */
  public static final String DEFAULT_TYPE = "message";
}
