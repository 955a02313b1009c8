/**
 * JSON as the gateway relays it: numbers keep the exact text they arrived with. {@link
 * dev.switchboard.core.json.ExactJsonFactory} is registered as Vert.x's {@code JsonFactory} (service loader), so
 * every {@code JsonObject}, {@code JsonArray} and {@code Json.decodeValue} of the process decodes through it.
 */
package dev.switchboard.core.json;
