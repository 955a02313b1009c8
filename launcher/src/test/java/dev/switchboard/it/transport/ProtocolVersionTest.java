package dev.switchboard.it.transport;

import dev.switchboard.testkit.McpTestClient;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.it.GatewayTestBase;
import dev.switchboard.testkit.McpTestClient.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The MCP-Protocol-Version header on requests after initialize. */
class ProtocolVersionTest extends GatewayTestBase {

  @Test
  void unsupportedVersionHeaderGets400() {
    client.initialize().await();

    Answer answer = client.request().header("MCP-Protocol-Version", "2024-01-01")
      .body(client.message(2, "ping", null)).send().await();

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error().getString("message")).contains("2024-01-01");
  }

  @Test
  void absentVersionHeaderIsAccepted() {
    client.initialize().await();

    Answer answer = client.request().noVersion().body(client.message(2, "tools/list", null)).send().await();

    assertThat(answer.status()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-03-26", "2025-06-18", "2025-11-25"})
  void anySupportedVersionIsAcceptedWhateverWasNegotiated(String header) {
    client.initialize("2025-11-25").await();

    Answer answer = client.request().header("MCP-Protocol-Version", header)
      .body(client.message(2, "tools/list", null)).send().await();

    assertThat(answer.status()).isEqualTo(200);
  }
}
