package dev.switchboard.it.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.testkit.McpTestClient.Answer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What each backend receives, seen by a recording proxy in front of it: {@code alpha} (token-exchange) gets a token
 * exchanged for the caller's at the real IdP (audience alpha-api, the caller's subject), cached per caller, also for
 * the catalog read at registration; {@code beta} (client-credentials) gets one service token for everyone;
 * {@code gamma} (bearer) a static token. The client's own token never reaches a backend.
 */
class OutgoingCredentialsTest extends OutgoingAuthTestBase {

  @Test
  void tokenExchangeBackendGetsATokenForItsAudienceNeverTheClients() {
    String aliceToken = idp.token("alice");
    McpTestClient alice = session(aliceToken);
    Answer called = alice.callTool("alpha_echo", new JsonObject().put("text", "hi")).await();
    assertThat(text(called)).isEqualTo("alpha/echo: hi");

    List<AuthRecordingProxy.Seen> seen = alphaProxy.seen();
    assertThat(seen).extracting(AuthRecordingProxy.Seen::rpcMethod).contains("initialize", "tools/list", "tools/call");
    for (AuthRecordingProxy.Seen request : seen) {
      assertThat(request.authorization()).isNotNull().isNotEqualTo("Bearer " + aliceToken);
      JsonObject claims = claims(request.authorization());
      assertThat(claims.getValue("aud")).isIn("alpha-api", new JsonArray().add("alpha-api"));
      assertThat(claims.getString("sub")).isEqualTo("alice");
      assertThat(claims.getString("iss")).isEqualTo(idp.issuer());
    }
    assertThat(idpProxy.seen()).filteredOn(s -> s.body().contains("token-exchange")).singleElement()
      .satisfies(s -> assertThat(s.body()).contains(aliceToken).contains("audience=alpha-api"));
  }

  @Test
  void exchangedTokensAreCachedPerCaller() {
    McpTestClient alice = session(idp.token("alice"));
    for (int i = 0; i < 3; i++) {
      assertThat(alice.callTool("alpha_echo", new JsonObject().put("text", "a" + i)).await().status()).isEqualTo(200);
    }
    McpTestClient aliceAgain = session(idp.token("alice"));
    assertThat(aliceAgain.callTool("alpha_echo", new JsonObject().put("text", "b")).await().status()).isEqualTo(200);
    assertThat(exchanges()).isEqualTo(1);
    McpTestClient bob = session(idp.token("bob"));
    assertThat(bob.callTool("alpha_echo", new JsonObject().put("text", "c")).await().status()).isEqualTo(200);
    assertThat(exchanges()).isEqualTo(2);
    assertThat(tokensSeen(alphaProxy).stream().map(t -> claims(t).getString("sub")).distinct())
      .containsExactlyInAnyOrder("alice", "bob");
  }

  @Test
  void concurrentSessionsOfOneCallerShareOneExchange() {
    String token = idp.token("carol");
    List<Future<Answer>> listed = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      McpTestClient carol = client(token);
      listed.add(carol.initialize().compose(init -> carol.request("tools/list")));
    }
    Future.all(listed).await();
    for (Future<Answer> answer : listed) {
      assertThat(answer.result().result().encode()).contains("alpha_echo");
    }
    assertThat(exchanges()).isEqualTo(1);
  }

  @Test
  void clientCredentialsBackendGetsOneServiceTokenForEveryone() {
    String aliceToken = idp.token("alice");
    String bobToken = idp.token("bob");
    session(aliceToken).callTool("beta_echo", new JsonObject().put("text", "a")).await();
    session(bobToken).callTool("beta_echo", new JsonObject().put("text", "b")).await();
    List<String> tokens = tokensSeen(betaProxy);
    assertThat(tokens).isNotEmpty().doesNotContain("Bearer " + aliceToken, "Bearer " + bobToken);
    assertThat(tokens.stream().distinct()).hasSize(1);
    JsonObject claims = claims(tokens.get(0));
    assertThat(claims.getString("sub")).isEqualTo("gateway");
    assertThat(claims.getValue("aud")).isIn("beta-api", new JsonArray().add("beta-api"));
    assertThat(idpProxy.seen()).filteredOn(s -> s.body().contains("client_credentials")).hasSize(1);
  }

  @Test
  void bearerBackendGetsTheStaticToken() {
    String aliceToken = idp.token("alice");
    Answer called = session(aliceToken).callTool("gamma_echo", new JsonObject().put("text", "x")).await();
    assertThat(text(called)).isEqualTo("gamma/echo: x");
    assertThat(tokensSeen(gammaProxy)).isNotEmpty().allMatch(("Bearer " + STATIC_TOKEN)::equals);
  }
}
