package dev.switchboard.transport.auth.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.transport.auth.AuthFailure;
import dev.switchboard.transport.auth.Caller;
import dev.switchboard.transport.auth.IncomingAuthOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The claim checks the gateway makes itself, on JWT payloads and introspection answers alike. */
class ClaimCheckTest {
  private static final String ISSUER = "https://idp.example.com";
  private static final long NOW = 1_800_000_000_000L;
  private final ClaimCheck check = new ClaimCheck(new IncomingAuthOptions(IncomingAuthOptions.Type.OAUTH2, ISSUER,
    null, List.of("https://gw/mcp", "api://gw"), "https://gw/mcp", null, null, 0, null, null, null, null));

  private static JsonObject valid() {
    return new JsonObject().put("iss", ISSUER).put("sub", "alice").put("aud", "https://gw/mcp")
      .put("exp", NOW / 1000 + 60).put("nbf", NOW / 1000 - 60).put("scope", "mcp read");
  }

  private void assertRefused(JsonObject claims, String why) {
    assertThatThrownBy(() -> check.check("t", claims, NOW)).isInstanceOf(AuthFailure.class)
      .hasMessageContaining(why)
      .satisfies(e -> assertThat(((AuthFailure) e).kind()).isEqualTo(AuthFailure.Kind.INVALID_TOKEN));
  }

  @Test
  void validClaimsGiveTheCaller() {
    Caller caller = check.check("t", valid(), NOW);
    assertThat(caller.identity().issuer()).isEqualTo(ISSUER);
    assertThat(caller.identity().subject()).isEqualTo("alice");
    assertThat(caller.scopes()).containsExactlyInAnyOrder("mcp", "read");
    assertThat(caller.expiresAtMillis()).isEqualTo(NOW + 60_000);
    assertThat(caller.toString()).doesNotContain("t,");
  }

  @Test
  void anyConfiguredAudienceInAListIsAccepted() {
    assertThat(check.check("t", valid().put("aud", new JsonArray().add("other").add("api://gw")), NOW)).isNotNull();
  }

  @Test
  void missingOrForeignAudienceIsRefused() {
    JsonObject none = valid();
    none.remove("aud");
    assertRefused(none, "aud");
    assertRefused(valid().put("aud", new JsonArray()), "aud");
    assertRefused(valid().put("aud", "https://other/mcp"), "aud");
  }

  @Test
  void wrongIssuerIsRefused() {
    assertRefused(valid().put("iss", ISSUER + "/"), "issuer");
  }

  @Test
  void expiryIsRequiredAndCheckedWithSkew() {
    JsonObject none = valid();
    none.remove("exp");
    assertRefused(none, "expiry");
    assertRefused(valid().put("exp", NOW / 1000 - 31), "expired");
    assertThat(check.check("t", valid().put("exp", NOW / 1000 - 29), NOW)).isNotNull();
  }

  @Test
  void notBeforeInTheFutureIsRefused() {
    assertRefused(valid().put("nbf", NOW / 1000 + 31), "not valid yet");
  }

  @Test
  void subjectIsRequired() {
    JsonObject none = valid();
    none.remove("sub");
    assertRefused(none, "subject");
  }

  @Test
  void scopesAreReadFromScopeAndScp() {
    assertThat(ClaimCheck.scopes(new JsonObject().put("scp", new JsonArray().add("a").add("b"))))
      .containsExactlyInAnyOrder("a", "b");
    assertThat(ClaimCheck.scopes(new JsonObject().put("scp", "c d").put("scope", " e "))).containsExactlyInAnyOrder(
      "c", "d", "e");
  }
}
