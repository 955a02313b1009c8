package dev.switchboard.it.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.bus.Identity;
import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.testkit.McpTestClient.Answer;
import dev.switchboard.session.SessionRecord;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.Test;

/**
 * A session is bound to the identity (iss + sub) that initialized it: another identity's valid token on it is 403
 * with a JSON-RPC error that says nothing more, for POST, GET and DELETE alike, and the session stays intact for its
 * owner; a refreshed token of the owner keeps working.
 */
class SessionBindingTest extends AuthGatewayTestBase {

  private McpTestClient aliceSession() {
    McpTestClient alice = client(idp.token("alice"));
    assertThat(alice.initialize().await().status()).isEqualTo(200);
    return alice;
  }

  private static void assertForbidden(Answer answer) {
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.error().getString("message")).isEqualTo("Forbidden");
    assertThat(answer.error().containsKey("data")).isFalse();
  }

  @Test
  void sessionRecordStoresTheCallersIssuerAndSubject() {
    McpTestClient alice = aliceSession();
    SessionRecord record = gateway.sessions().find(alice.sessionId(), new Identity(idp.issuer(), "alice")).await()
      .record();
    assertThat(record.issuer()).isEqualTo(idp.issuer());
    assertThat(record.subject()).isEqualTo("alice");
    assertThat(record.toJson().encode()).doesNotContain(".ey");
  }

  @Test
  void anotherIdentitysPostIsForbiddenAndTheSessionStaysIntact() {
    McpTestClient alice = aliceSession();
    McpTestClient bob = client(idp.token("bob")).sessionId(alice.sessionId());
    assertForbidden(bob.request("tools/list").await());
    assertThat(alice.request("tools/list").await().status()).isEqualTo(200);
  }

  @Test
  void anotherIdentitysGetIsForbidden() {
    McpTestClient alice = aliceSession();
    McpTestClient bob = client(idp.token("bob")).sessionId(alice.sessionId());
    Answer get = bob.request().method(HttpMethod.GET).header("Accept", "text/event-stream")
      .header("Content-Type", null).body((Object) null).send().await();
    assertForbidden(get);
  }

  @Test
  void anotherIdentitysDeleteIsForbiddenAndTheSessionSurvives() {
    McpTestClient alice = aliceSession();
    McpTestClient bob = client(idp.token("bob")).sessionId(alice.sessionId());
    assertForbidden(bob.delete().await());
    assertThat(alice.request("tools/list").await().status()).isEqualTo(200);
    assertThat(alice.delete().await().status()).isEqualTo(200);
  }

  @Test
  void refreshedTokenOfTheSameSubjectKeepsWorking() {
    String first = idp.token("alice");
    McpTestClient alice = client(first);
    assertThat(alice.initialize().await().status()).isEqualTo(200);
    String refreshed = idp.token("alice");
    assertThat(refreshed).isNotEqualTo(first);
    McpTestClient later = client(refreshed).sessionId(alice.sessionId());
    assertThat(later.request("tools/list").await().status()).isEqualTo(200);
    assertThat(later.delete().await().status()).isEqualTo(200);
  }
}
