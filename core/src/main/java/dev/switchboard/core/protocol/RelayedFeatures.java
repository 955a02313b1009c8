package dev.switchboard.core.protocol;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * The client features the gateway relays between a client and its backends (sampling, elicitation, roots): what it
 * declares to a backend on a client's behalf, and so what distinguishes one client from another for a backend.
 */
public final class RelayedFeatures {
  public static final List<String> NAMES = List.of("sampling", "elicitation", "roots");

  private RelayedFeatures() {
  }

  /** The sub-capabilities of each relayed feature that the revisions define (2025-11-25 and 2026-07-28). */
  private static final Map<String, List<String>> KNOWN = Map.of(
    "sampling", List.of("context", "tools"),
    "elicitation", List.of("form", "url"),
    "roots", List.of("listChanged"));

  /**
   * The relayed features reduced to what the protocol defines: each feature the client declared, with only its known
   * sub-capabilities ({@code listChanged} as a boolean, the others as empty objects). Two clients with the same
   * canonical features look the same to a backend; a client cannot make the gateway hold a set of backend sessions
   * per made-up key.
   */
  public static JsonObject canonical(JsonObject clientCapabilities) {
    JsonObject canonical = new JsonObject();
    if (clientCapabilities == null) {
      return canonical;
    }
    for (String feature : NAMES) {
      if (clientCapabilities.getValue(feature) instanceof JsonObject declared) {
        JsonObject kept = new JsonObject();
        for (String sub : KNOWN.get(feature)) {
          Object value = declared.getValue(sub);
          if ("listChanged".equals(sub)) {
            if (Boolean.TRUE.equals(value)) {
              kept.put(sub, true);
            }
          } else if (value instanceof JsonObject) {
            kept.put(sub, new JsonObject());
          }
        }
        canonical.put(feature, kept);
      }
    }
    return canonical;
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
