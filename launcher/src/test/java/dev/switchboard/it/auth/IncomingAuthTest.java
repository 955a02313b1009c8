package dev.switchboard.it.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.testkit.McpTestClient.Answer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The gateway as an OAuth 2.0 resource server against a real IdP: every MCP request (POST, GET, DELETE) needs a
 * valid bearer token for this resource; anything else is 401 with the {@code resource_metadata} challenge, and a
 * missing scope is 403 {@code insufficient_scope}.
 */
class IncomingAuthTest extends AuthGatewayTestBase {
  private static final String METADATA = "https://gateway.test/.well-known/oauth-protected-resource/mcp";
  private static final String CHALLENGE = "Bearer resource_metadata=\"" + METADATA + "\"";
  private static final String INVALID = "Bearer error=\"invalid_token\", resource_metadata=\"" + METADATA + "\"";

  private Answer initializeWith(String token) {
    return client(token).initializeOnly("2025-11-25").await();
  }

  private static void assertInvalidToken(Answer answer) {
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.header("WWW-Authenticate")).isEqualTo(INVALID);
    assertThat(answer.error().getInteger("code")).isEqualTo(-32000);
  }

  @Test
  void validTokenInitializesListsAndCalls() {
    McpTestClient client = client(idp.token("alice"));
    assertThat(client.initialize().await().status()).isEqualTo(200);
    assertThat(client.request("tools/list").await().status()).isEqualTo(200);
    Answer called = client.callTool("alpha_echo", new JsonObject().put("text", "hi")).await();
    assertThat(called.status()).isEqualTo(200);
    assertThat(called.result().getBoolean("isError", false)).isFalse();
  }

  @Test
  void noTokenGets401WithResourceMetadata() {
    Answer answer = initializeWith(null);
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.header("WWW-Authenticate")).isEqualTo(CHALLENGE);
  }

  @Test
  void nonBearerAuthorizationGets401() {
    Answer answer = new McpTestClient(vertx, gateway.url()).request().header("Authorization", "Basic YWxpY2U6cHc=")
      .noSession().body(new JsonObject().put("jsonrpc", "2.0").put("id", 1).put("method", "initialize")).send()
      .await();
    assertInvalidToken(answer);
  }

  @Test
  void malformedTokenGets401() {
    assertInvalidToken(initializeWith("not-a-jwt"));
  }

  @Test
  void expiredTokenGets401() {
    assertInvalidToken(initializeWith(idp.token("alice", TestIdp.RESOURCE, "mcp", -300)));
  }

  @Test
  void notYetValidTokenGets401() {
    idp.shiftClock(Duration.ofMinutes(10));
    assertInvalidToken(initializeWith(idp.token("alice")));
  }

  @Test
  void badSignatureGets401() {
    String token = idp.token("alice");
    String forged = TestIdp.withPayload(token, TestIdp.payload(token).replace("\"alice\"", "\"mallory\""));
    assertThat(TestIdp.payload(forged)).contains("mallory");
    assertInvalidToken(initializeWith(forged));
  }

  @Test
  void algNoneGets401() {
    String unsigned = TestIdp.unsigned(idp.token("alice"));
    assertInvalidToken(initializeWith(unsigned));
    assertInvalidToken(initializeWith(unsigned.substring(0, unsigned.length() - 1)));
  }

  @Test
  void wrongIssuerGets401() {
    String token = idp.tokenWith("alice", Map.of("iss", "https://evil.example", "scope", "mcp"));
    assertThat(TestIdp.payload(token)).contains("evil.example");
    assertInvalidToken(initializeWith(token));
  }

  @Test
  void wrongAudienceGets401() {
    assertInvalidToken(initializeWith(idp.token("alice", "https://other.example/mcp", "mcp", 3600)));
  }

  @Test
  void tokenWithoutAudienceGets401() {
    String token = idp.tokenWithoutAudience("alice");
    JsonObject payload = new JsonObject(TestIdp.payload(token));
    assertThat(payload.getValue("aud") == null || payload.getJsonArray("aud").isEmpty()).isTrue();
    assertInvalidToken(initializeWith(token));
  }

  @Test
  void missingScopeGets403InsufficientScope() {
    Answer answer = initializeWith(idp.token("alice", TestIdp.RESOURCE, "profile", 3600));
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer error=\"insufficient_scope\", scope=\"mcp\", "
      + "resource_metadata=\"" + METADATA + "\"");
  }

  @Test
  void everyMethodWithinASessionNeedsTheToken() {
    McpTestClient owner = client(idp.token("alice"));
    owner.initialize().await();
    McpTestClient noToken = new McpTestClient(vertx, gateway.url()).sessionId(owner.sessionId());
    assertThat(noToken.request("tools/list").await().status()).isEqualTo(401);
    Answer get = noToken.request().method(HttpMethod.GET).header("Accept", "text/event-stream")
      .header("Content-Type", null).body((Object) null).send().await();
    assertThat(get.status()).isEqualTo(401);
    assertThat(noToken.delete().await().status()).isEqualTo(401);
    assertThat(owner.request("tools/list").await().status()).isEqualTo(200);
  }

  @Test
  void protectedResourceMetadataIsServedAtBothWellKnownPaths() {
    for (String path : new String[] {"/.well-known/oauth-protected-resource",
      "/.well-known/oauth-protected-resource/mcp"}) {
      String url = gateway.url().replace("/mcp", path);
      Answer answer = new McpTestClient(vertx, url).request().method(HttpMethod.GET).noSession().noVersion()
        .body((Object) null).send().await();
      assertThat(answer.status()).isEqualTo(200);
      JsonObject metadata = answer.json();
      assertThat(metadata.getString("resource")).isEqualTo(TestIdp.RESOURCE);
      assertThat(metadata.getJsonArray("authorization_servers").getList()).containsExactly(idp.issuer());
      assertThat(metadata.getJsonArray("scopes_supported").getList()).containsExactly("mcp");
      assertThat(metadata.getJsonArray("bearer_methods_supported").getList()).containsExactly("header");
    }
  }
}
