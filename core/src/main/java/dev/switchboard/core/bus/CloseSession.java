package dev.switchboard.core.bus;

/**
 * Sent to {@link CoreAddress#SESSION_CLOSE} (fire and forget): end the backend sessions of a deleted client session.
 *
 * @param session the session being closed
 */
public record CloseSession(SessionContext session) {
}
