package dev.switchboard.it.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.testkit.McpTestClient.Answer;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * Key rotation at the IdP (it signs with a new key and publishes only that one): the gateway refetches the JWKS when
 * a token names a key id it has not seen, debounced, without a restart. With the IdP down, tokens signed with known
 * keys keep working and tokens with unknown keys get 401, not 500.
 */
class KeyRotationTest extends AuthGatewayTestBase {

  private int initialize(String token) {
    return client(token).initializeOnly("2025-11-25").await().status();
  }

  /** The paths of the requests the IdP received since the last call. */
  private List<String> idpRequests() {
    List<String> paths = new ArrayList<>();
    for (RecordedRequest request : idp.requests()) {
      paths.add(request.getRequestUrl().encodedPath());
    }
    return paths;
  }

  @Test
  void tokenSignedWithARotatedKeyIsAcceptedWithoutRestart() {
    assertThat(initialize(idp.token("alice"))).isEqualTo(200);
    idp.rotateKeys();
    String rotated = idp.token("alice");
    assertThat(TestIdp.header(rotated)).contains("\"kid\":\"idp-1\"");
    assertThat(initialize(rotated)).isEqualTo(200);
  }

  @Test
  void unknownKeyIdsRefetchTheKeysAtMostOncePerInterval() {
    idpRequests();
    String token = idp.token("alice");
    for (int i = 0; i < 5; i++) {
      String ghost = TestIdp.withHeader(token, "{\"kid\":\"ghost-" + i + "\",\"typ\":\"JWT\",\"alg\":\"RS256\"}");
      assertThat(initialize(ghost)).isEqualTo(401);
    }
    assertThat(idpRequests()).filteredOn(path -> path.endsWith("/jwks")).hasSize(1);
  }

  @Test
  void withTheIdpDownKnownKeysWorkAndUnknownKeysGet401() {
    String known = idp.token("alice");
    idp.rotateKeys();
    String unknown = idp.token("alice");
    idp.close();
    assertThat(initialize(known)).isEqualTo(200);
    Answer answer = client(unknown).initializeOnly("2025-11-25").await();
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
  }
}
