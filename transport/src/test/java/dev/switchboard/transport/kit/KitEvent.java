package dev.switchboard.transport.kit;

import io.vertx.core.json.JsonObject;

/** One parsed SSE event. */
record KitEvent(String id, String data) {
  boolean isPriming() {
    return id != null && data.isEmpty();
  }

  JsonObject json() {
    return new JsonObject(data);
  }
}
