package dev.switchboard.core.protocol;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The client features the gateway relays between a client and its backends (sampling, elicitation, roots): what it
 * declares to a backend on a client's behalf, and so what distinguishes one client from another for a backend.
 */
public final class RelayedFeatures {
  public static final List<String> NAMES = List.of("sampling", "elicitation", "roots");

  private RelayedFeatures() {
  }

  /** The relayed features of a client's capabilities, as the client declared them (a copy). */
  public static JsonObject of(JsonObject clientCapabilities) {
    JsonObject relayed = new JsonObject();
    if (clientCapabilities != null) {
      for (String feature : NAMES) {
        if (clientCapabilities.getValue(feature) instanceof JsonObject declared) {
          relayed.put(feature, declared.copy());
        }
      }
    }
    return relayed;
  }
}
