package dev.switchboard.core.bus;

/**
 * Sent to {@link CoreAddress#SESSION_UNLISTEN} (no reply) when a session ends on an instance without being deleted
 * (it expired there, or another instance changed it): core closes the backends' standalone streams it holds for
 * the session. The backend sessions themselves stay open, since another instance may still use them.
 *
 * @param sessionId the session
 */
public record StopListening(String sessionId) {
}
