package dev.switchboard.it.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.it.TestBackends;
import dev.switchboard.launcher.Gateway;
import dev.switchboard.launcher.config.ConfigLoader;
import dev.switchboard.launcher.config.GatewayConfig;
import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code examples/oauth2.yaml} runs as documented, pointed by its environment variables at the mock IdP and two
 * local backends: a caller with scope {@code mcp} sees alpha (through token exchange) but not beta's tools, which
 * need scope {@code beta}; with it, beta (client credentials) answers too.
 */
@ExtendWith(VertxExtension.class)
class OAuth2ExampleTest {

  @Test
  void exampleConfigurationServesAuthenticatedCallers(Vertx vertx) {
    try (TestIdp idp = new TestIdp()) {
      RunningServer alpha = TestBackends.start(vertx, TestBackends.named("alpha", 0, "echo")).await();
      RunningServer beta = TestBackends.start(vertx, TestBackends.named("beta", 0, "echo")).await();
      GatewayConfig config = ConfigLoader.load(Path.of("..", "examples", "oauth2.yaml"), Map.of(
        "SWITCHBOARD_PORT", "0", "OAUTH_ISSUER", idp.issuer(), "OAUTH_TOKEN_URL", idp.tokenUrl(),
        "MCP_RESOURCE", TestIdp.RESOURCE, "ALPHA_URL", alpha.url(), "BETA_URL", beta.url()));
      Gateway gateway = Gateway.start(vertx, config).await();
      try {
        McpTestClient plain = new McpTestClient(vertx, gateway.url()).bearer(idp.token("alice"));
        plain.initialize().await();
        assertThat(tools(plain)).containsExactly("alpha_echo");
        McpTestClient withBeta = new McpTestClient(vertx, gateway.url())
          .bearer(idp.token("alice", TestIdp.RESOURCE, "mcp beta", 3600));
        withBeta.initialize().await();
        assertThat(tools(withBeta)).containsExactlyInAnyOrder("alpha_echo", "beta_echo");
        JsonObject result = withBeta.callTool("beta_echo", new JsonObject().put("text", "hi")).await().result();
        assertThat(result.getJsonArray("content").getJsonObject(0).getString("text")).isEqualTo("beta/echo: hi");
      } finally {
        gateway.stop().await();
      }
    }
  }

  private static List<String> tools(McpTestClient client) {
    return client.request("tools/list").await().result().getJsonArray("tools").stream()
      .map(t -> ((JsonObject) t).getString("name")).toList();
  }
}
