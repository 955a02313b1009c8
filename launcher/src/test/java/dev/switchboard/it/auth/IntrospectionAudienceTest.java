package dev.switchboard.it.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.transport.auth.IncomingAuthOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With RFC 7662 introspection configured, a token that fails the local check goes to the IdP's introspection
 * endpoint (vertx-auth's fallback). The gateway checks the audience of the introspection answer too: an active token
 * for another audience is still 401.
 */
class IntrospectionAudienceTest extends AuthGatewayTestBase {

  @Override
  protected IncomingAuthOptions incoming() {
    return new IncomingAuthOptions(IncomingAuthOptions.Type.OAUTH2, idp.issuer(), null, null, TestIdp.RESOURCE,
      List.of("mcp"), new IncomingAuthOptions.Introspection(idp.server().url("idp/introspect").toString(),
      "gateway", "gateway-secret"), IncomingAuthOptions.DEFAULT_TOKEN_CACHE_SIZE, null, null, null, null);
  }

  @Test
  void validTokenPasses() {
    assertThat(client(idp.token("alice")).initializeOnly("2025-11-25").await().status()).isEqualTo(200);
  }

  @Test
  void activeTokenForAnotherAudienceIsRefusedAfterIntrospection() {
    idp.requests();
    String other = idp.token("alice", "https://other.example/mcp", "mcp", 3600);
    assertThat(client(other).initializeOnly("2025-11-25").await().status()).isEqualTo(401);
    assertThat(idp.requests()).extracting(r -> r.getRequestUrl().encodedPath()).contains("/idp/introspect");
  }
}
