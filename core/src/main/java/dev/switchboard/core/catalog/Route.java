package dev.switchboard.core.catalog;

/**
 * Where an exposed item lives.
 *
 * @param backend the owning backend's name
 * @param name    the item's name (tools, prompts) or URI (resources) as the backend knows it
 */
public record Route(String backend, String name) {
}
