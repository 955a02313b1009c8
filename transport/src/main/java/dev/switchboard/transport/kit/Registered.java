package dev.switchboard.transport.kit;

import io.vertx.core.json.JsonObject;

/** A registered tool, resource or prompt: its key (name or URI), the definition as listed, and its handler. */
record Registered<H>(String key, JsonObject definition, H handler) {
}
