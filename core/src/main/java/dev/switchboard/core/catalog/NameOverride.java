package dev.switchboard.core.catalog;

/**
 * Renames and/or redescribes one tool or prompt of one backend.
 *
 * @param name        the name clients see instead (null keeps the name chosen by the conflict strategy)
 * @param description the description clients see instead (null keeps the backend's)
 */
public record NameOverride(String name, String description) {
}
