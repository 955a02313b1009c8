package dev.switchboard.session;

/**
 * One SSE event kept for resumption.
 *
 * @param id   the event id (unique within its session; it encodes its stream)
 * @param data the event's data: one JSON-RPC message
 */
public record StoredEvent(String id, String data) {
}
