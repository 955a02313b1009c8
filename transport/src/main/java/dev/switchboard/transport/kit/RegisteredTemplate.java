package dev.switchboard.transport.kit;

import io.vertx.core.json.JsonObject;

/** A registered resource template: the compiled URI template, the definition as listed, and its handler. */
record RegisteredTemplate(UriTemplate template, JsonObject definition, ResourceHandler handler) {
}
