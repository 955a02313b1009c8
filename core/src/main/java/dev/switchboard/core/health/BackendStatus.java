package dev.switchboard.core.health;

/**
 * A backend's health as {@code /health/ready} reports it.
 *
 * @param name  the backend
 * @param up    true while its circuit is closed
 * @param state its circuit
 */
public record BackendStatus(String name, boolean up, CircuitState state) {
}
