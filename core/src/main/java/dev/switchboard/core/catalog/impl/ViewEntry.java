package dev.switchboard.core.catalog.impl;

import dev.switchboard.core.catalog.Route;
import io.vertx.core.json.JsonObject;

/**
 * One exposed item of a view.
 *
 * @param key   the exposed identifier: name (tools, prompts), uri (resources) or uriTemplate (templates)
 * @param item  the exposed JSON, owned by the view and never modified after construction
 * @param route the owning backend and the identifier the backend knows
 */
record ViewEntry(String key, JsonObject item, Route route) {
}
