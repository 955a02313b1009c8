package dev.switchboard.it.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.auth.AuthorizationOptions;
import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.it.GatewayHarness;
import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.testkit.McpTestClient.Answer;
import dev.switchboard.it.TestBackends;
import dev.switchboard.launcher.config.GatewayConfig;
import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Per-tool authorization by the names the client sees: alpha's tools, prompt and resource need scope {@code alpha};
 * {@code beta_slow} needs the claim {@code groups: admins}; everything else is allowed (default allow). What a caller
 * may not use is absent from every list, and calling it is 403 with a JSON-RPC error, the same whether it exists or
 * not, and the backend never sees it.
 */
class ToolAuthorizationTest extends AuthGatewayTestBase {
  private AuthRecordingProxy alphaProxy;

  @Override
  protected GatewayConfig config() {
    RunningServer beta = TestBackends.start(vertx, TestBackends.named("beta", 0, "echo", "slow")).await();
    alphaProxy = AuthRecordingProxy.start(vertx, alpha.url()).await();
    List<BackendOptions> backends = List.of(
      GatewayHarness.backend("alpha", alphaProxy.url("/mcp"), Duration.ofSeconds(10)),
      new BackendOptions("beta", URI.create(beta.url()), Duration.ofSeconds(10), Map.of(), 8));
    AuthorizationOptions policy = new AuthorizationOptions(true, List.of(
      new AuthorizationOptions.Rule(List.of("alpha_*"), List.of("test://alpha/*"), List.of("alpha_*"),
        List.of("alpha"), null),
      new AuthorizationOptions.Rule(List.of("beta_slow"), null, null, null, Map.of("groups", List.of("admins")))));
    return GatewayHarness.config(backends, AggregationOptions.defaults()).withIncomingAuth(incoming())
      .withAuthorization(policy);
  }

  private McpTestClient bob() {
    McpTestClient bob = client(idp.token("bob"));
    assertThat(bob.initialize().await().status()).isEqualTo(200);
    return bob;
  }

  private McpTestClient alice() {
    String token = idp.tokenWith("alice", Map.of("scope", "mcp alpha", "groups", List.of("admins")));
    McpTestClient alice = client(token);
    assertThat(alice.initialize().await().status()).isEqualTo(200);
    return alice;
  }

  private static List<String> names(Answer answer, String field, String key) {
    JsonArray items = answer.result().getJsonArray(field);
    return items.stream().map(item -> ((JsonObject) item).getString(key)).toList();
  }

  private static void assertForbidden(Answer answer) {
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.error().getInteger("code")).isEqualTo(-32003);
    assertThat(answer.error().getString("message")).isEqualTo("Forbidden");
  }

  @Test
  void listsLeaveOutWhatTheCallerMayNotUse() {
    McpTestClient bob = bob();
    assertThat(names(bob.request("tools/list").await(), "tools", "name")).containsExactly("beta_echo");
    assertThat(names(bob.request("prompts/list").await(), "prompts", "name")).containsExactly("beta_beta_prompt");
    assertThat(names(bob.request("resources/list").await(), "resources", "uri"))
      .containsExactly("test://beta/readme");
  }

  @Test
  void callerWithTheScopeAndClaimSeesAndCallsEverything() {
    McpTestClient alice = alice();
    assertThat(names(alice.request("tools/list").await(), "tools", "name"))
      .containsExactlyInAnyOrder("alpha_echo", "alpha_add", "beta_echo", "beta_slow");
    Answer called = alice.callTool("alpha_echo", new JsonObject().put("text", "hi")).await();
    assertThat(called.status()).isEqualTo(200);
    assertThat(called.result().getBoolean("isError", false)).isFalse();
    assertThat(alice.callTool("beta_slow", new JsonObject().put("text", "x")).await().status()).isEqualTo(200);
  }

  @Test
  void forbiddenCallIsRefusedTheSameWhetherOrNotTheToolExists() {
    McpTestClient bob = bob();
    Answer existing = bob.callTool("alpha_echo", new JsonObject().put("text", "hi")).await();
    Answer missing = bob.callTool("alpha_missing", new JsonObject().put("text", "hi")).await();
    assertForbidden(existing);
    assertForbidden(missing);
    assertThat(existing.error()).isEqualTo(missing.error());
    assertForbidden(bob.callTool("beta_slow", new JsonObject().put("text", "x")).await());
    assertThat(alphaProxy.seen()).extracting(AuthRecordingProxy.Seen::rpcMethod).doesNotContain("tools/call");
  }

  @Test
  void forbiddenPromptResourceAndCompletionAre403() {
    McpTestClient bob = bob();
    assertForbidden(bob.request("prompts/get", new JsonObject().put("name", "alpha_alpha_prompt")).await());
    assertForbidden(bob.request("resources/read", new JsonObject().put("uri", "test://alpha/readme")).await());
    assertForbidden(bob.request("completion/complete", new JsonObject()
      .put("ref", new JsonObject().put("type", "ref/prompt").put("name", "alpha_alpha_prompt"))
      .put("argument", new JsonObject().put("name", "topic").put("value", "x"))).await());
    assertThat(bob.request("prompts/get", new JsonObject().put("name", "beta_beta_prompt")).await().status())
      .isEqualTo(200);
  }
}
