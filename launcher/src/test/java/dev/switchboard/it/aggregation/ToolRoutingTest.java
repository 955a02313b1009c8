package dev.switchboard.it.aggregation;

import dev.switchboard.testkit.McpTestClient;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.it.GatewayTestBase;
import dev.switchboard.testkit.McpTestClient.Answer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With prefix naming, every call reaches the backend that owns the tool, prompt or resource. */
class ToolRoutingTest extends GatewayTestBase {

  @BeforeEach
  void init() {
    client.initialize().await();
  }

  private static String text(Answer answer) {
    return answer.result().getJsonArray("content").getJsonObject(0).getString("text");
  }

  @Test
  void toolsAreListedWithBackendPrefixes() {
    JsonArray tools = client.request("tools/list").await().result().getJsonArray("tools");

    assertThat(tools.stream().map(t -> ((JsonObject) t).getString("name")))
      .containsExactly("alpha_echo", "alpha_add", "beta_echo", "beta_slow");
  }

  @Test
  void callReachesTheOwningBackendUnderItsOwnName() {
    assertThat(text(client.callTool("alpha_echo", new JsonObject().put("text", "a")).await()))
      .isEqualTo("alpha/echo: a");
    assertThat(text(client.callTool("beta_echo", new JsonObject().put("text", "b")).await()))
      .isEqualTo("beta/echo: b");
  }

  @Test
  void unknownToolIsInvalidParams() {
    Answer answer = client.callTool("echo", new JsonObject().put("text", "x")).await();

    assertThat(answer.error().getInteger("code")).isEqualTo(-32602);
    assertThat(answer.error().getString("message")).contains("Unknown tool: echo");
  }

  @Test
  void promptIsRoutedByItsExposedName() {
    Answer answer = client.request("prompts/get", new JsonObject().put("name", "beta_beta_prompt")
      .put("arguments", new JsonObject().put("topic", "gateways"))).await();

    JsonObject message = answer.result().getJsonArray("messages").getJsonObject(0);
    assertThat(message.getJsonObject("content").getString("text")).isEqualTo("beta prompt about gateways");
  }

  @Test
  void resourceIsRoutedByUri() {
    Answer answer = client.request("resources/read", new JsonObject().put("uri", "test://beta/readme")).await();

    assertThat(answer.result().getJsonArray("contents").getJsonObject(0).getString("text")).isEqualTo("readme of beta");
  }

  @Test
  void unknownResourceIsResourceNotFound() {
    Answer answer = client.request("resources/read", new JsonObject().put("uri", "test://nowhere")).await();

    assertThat(answer.error().getInteger("code")).isEqualTo(-32002);
  }

  @Test
  void resourcesFromAllBackendsAreListed() {
    JsonArray resources = client.request("resources/list").await().result().getJsonArray("resources");

    assertThat(resources.stream().map(r -> ((JsonObject) r).getString("uri")))
      .containsExactly("test://alpha/readme", "test://beta/readme");
  }

  @Test
  void setLevelIsAcceptedAndPassedToBackends() {
    Answer answer = client.request("logging/setLevel", new JsonObject().put("level", "warning")).await();

    assertThat(answer.result()).isEqualTo(new JsonObject());
    assertThat(alpha.requestCount("logging/setLevel")).isEqualTo(1);
    assertThat(beta.requestCount("logging/setLevel")).isEqualTo(1);
  }

  @Test
  void badLogLevelIsInvalidParams() {
    Answer answer = client.request("logging/setLevel", new JsonObject().put("level", "loud")).await();

    assertThat(answer.error().getInteger("code")).isEqualTo(-32602);
  }
}
