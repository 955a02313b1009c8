package dev.switchboard.core.catalog.impl;

import dev.switchboard.core.catalog.NameOverride;
import io.vertx.core.json.JsonObject;

/**
 * A backend item that passed its backend's filter, before its exposed name is settled.
 *
 * @param backend  the owning backend
 * @param rank     the backend's priority rank (lower wins)
 * @param key      the item's identifier as the backend knows it: name (tools, prompts), uri or uriTemplate
 * @param item     the backend's JSON, not to be modified
 * @param override the override configured for {@code key}, or null
 */
record Candidate(String backend, int rank, String key, JsonObject item, NameOverride override) {
}
