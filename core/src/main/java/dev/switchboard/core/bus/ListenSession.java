package dev.switchboard.core.bus;

/**
 * Sent to {@link CoreAddress#SESSION_LISTEN} (no reply) when a client opens its standalone stream: core opens the
 * backends' standalone streams for the session (once) and sends what arrives to {@code address}, as
 * {@link StreamMessage}s and, when a backend's list changes, {@link ViewChanged}.
 *
 * @param session the session
 * @param address where to send the session's messages
 */
public record ListenSession(SessionContext session, String address) {
}
