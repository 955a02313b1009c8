package dev.switchboard.it.transport;

import dev.switchboard.testkit.McpTestClient;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.it.GatewayTestBase;
import dev.switchboard.testkit.McpTestClient.Answer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InitializeTest extends GatewayTestBase {

  @ParameterizedTest
  @ValueSource(strings = {"2025-11-25", "2025-06-18", "2025-03-26"})
  void supportedVersionIsEchoed(String version) {
    Answer answer = client.initializeOnly(version).await();

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Content-Type")).startsWith("application/json");
    assertThat(answer.result().getString("protocolVersion")).isEqualTo(version);
    assertThat(answer.result().getJsonObject("serverInfo").getString("name")).isEqualTo("switchboard");
  }

  @Test
  void unsupportedVersionGetsLatest() {
    Answer answer = client.initializeOnly("1999-01-01").await();

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.result().getString("protocolVersion")).isEqualTo("2025-11-25");
  }

  @Test
  void sessionIdIsLongVisibleAscii() {
    Answer answer = client.initializeOnly("2025-11-25").await();

    String id = answer.header("Mcp-Session-Id");
    assertThat(id).isNotNull().hasSizeGreaterThanOrEqualTo(22);
    assertThat(id.chars()).allMatch(c -> c >= 0x21 && c <= 0x7E);
  }

  @Test
  void everyInitializeGetsItsOwnSession() {
    String first = client.initializeOnly("2025-11-25").await().header("Mcp-Session-Id");
    String second = newClient().initializeOnly("2025-11-25").await().header("Mcp-Session-Id");

    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void declaresWhatTheGatewayImplements() {
    JsonObject capabilities = client.initializeOnly("2025-11-25").await().result().getJsonObject("capabilities");

    assertThat(capabilities.fieldNames()).contains("tools", "resources", "prompts", "logging", "completions");
  }

  @Test
  void initializeWithoutProtocolVersionIsInvalidParams() {
    Answer answer = client.request().noSession().body(client.message(1, "initialize", new JsonObject())).send()
      .await();

    assertThat(answer.error().getInteger("code")).isEqualTo(-32602);
    assertThat(answer.header("Mcp-Session-Id")).isNull();
  }

  @Test
  void initializeAsNotificationIsInvalidRequest() {
    Answer answer = client.request().noSession().body(new JsonObject().put("jsonrpc", "2.0")
      .put("method", "initialize").put("params", new JsonObject().put("protocolVersion", "2025-11-25"))).send().await();

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error().getInteger("code")).isEqualTo(-32600);
  }
}
