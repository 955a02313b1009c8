package dev.switchboard.it.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.auth.AuthorizationOptions;
import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.it.GatewayHarness;
import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.it.TestBackends;
import dev.switchboard.launcher.Gateway;
import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code default: deny} without incoming authentication: only what a rule without requirements allows is listed and
 * callable; the rest is absent and 403, and a rule that needs a scope never matches an anonymous caller.
 */
@ExtendWith(VertxExtension.class)
class DefaultDenyAuthorizationTest {

  @Test
  void onlyExplicitlyAllowedToolsAreListedAndCallable(Vertx vertx) {
    RunningServer alpha = TestBackends.start(vertx, TestBackends.named("alpha", 0, "echo", "add")).await();
    AuthorizationOptions policy = new AuthorizationOptions(false, List.of(
      new AuthorizationOptions.Rule(List.of("alpha_echo"), null, null, null, null),
      new AuthorizationOptions.Rule(List.of("alpha_add"), null, null, List.of("math"), null)));
    Gateway gateway = Gateway.start(vertx, GatewayHarness.config(List.of(GatewayHarness.backend("alpha", alpha)),
      AggregationOptions.defaults()).withAuthorization(policy)).await();
    try {
      McpTestClient client = new McpTestClient(vertx, gateway.url());
      client.initialize().await();
      assertThat(client.request("tools/list").await().result().getJsonArray("tools").stream()
        .map(t -> ((JsonObject) t).getString("name")).toList()).containsExactly("alpha_echo");
      assertThat(client.request("prompts/list").await().result().getJsonArray("prompts")).isEmpty();
      assertThat(client.callTool("alpha_echo", new JsonObject().put("text", "a")).await().status()).isEqualTo(200);
      assertThat(client.callTool("alpha_add", new JsonObject().put("a", 1)).await().status()).isEqualTo(403);
      assertThat(client.request("resources/read", new JsonObject().put("uri", "test://alpha/readme")).await()
        .status()).isEqualTo(403);
    } finally {
      gateway.stop().await();
    }
  }
}
