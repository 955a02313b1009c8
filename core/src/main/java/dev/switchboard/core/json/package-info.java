/**
 * JSON as the gateway relays it: numbers keep the exact text they arrived with, and a backend's result is kept as the
 * bytes it came in ({@link dev.switchboard.core.json.RawObject}) until something reads it, and written back as those
 * bytes, a large one by reference ({@link dev.switchboard.core.json.SplicedOutput}). {@link
 * dev.switchboard.core.json.ExactJsonFactory} is registered as Vert.x's {@code JsonFactory} (service loader), so
 * every {@code JsonObject}, {@code JsonArray} and {@code Json.decodeValue} of the process decodes and encodes through
 * it.
 */
package dev.switchboard.core.json;
