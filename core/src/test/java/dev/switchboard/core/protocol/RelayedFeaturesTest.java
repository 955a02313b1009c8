package dev.switchboard.core.protocol;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RelayedFeaturesTest {
  @Test
  void relayedFeaturesAreTheThreeAsDeclared() {
    JsonObject declared = new JsonObject().put("sampling", new JsonObject().put("x", 1))
      .put("experimental", new JsonObject()).put("roots", new JsonObject().put("listChanged", true));
    assertThat(RelayedFeatures.of(declared)).isEqualTo(new JsonObject()
      .put("sampling", new JsonObject().put("x", 1)).put("roots", new JsonObject().put("listChanged", true)));
  }

  @Test
  void theCanonicalFormKeepsOnlyWhatTheProtocolDefines() {
    JsonObject junk = new JsonObject()
      .put("sampling", new JsonObject().put("made-up", 42).put("tools", new JsonObject().put("deep", true)))
      .put("elicitation", new JsonObject().put("form", new JsonObject()).put("url", "not an object"))
      .put("roots", new JsonObject().put("listChanged", "yes"))
      .put("experimental", new JsonObject().put("anything", 1));
    assertThat(RelayedFeatures.canonical(junk)).isEqualTo(new JsonObject()
      .put("sampling", new JsonObject().put("tools", new JsonObject()))
      .put("elicitation", new JsonObject().put("form", new JsonObject()))
      .put("roots", new JsonObject()));
    JsonObject other = new JsonObject().put("sampling", new JsonObject().put("made-up", 7)
      .put("tools", new JsonObject())).put("elicitation", new JsonObject().put("form", new JsonObject()))
      .put("roots", new JsonObject());
    assertThat(RelayedFeatures.canonical(other)).isEqualTo(RelayedFeatures.canonical(junk));
    assertThat(RelayedFeatures.canonical(null)).isEqualTo(new JsonObject());
  }
}
