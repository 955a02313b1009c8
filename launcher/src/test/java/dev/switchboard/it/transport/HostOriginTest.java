package dev.switchboard.it.transport;

import dev.switchboard.testkit.McpTestClient;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.it.GatewayTestBase;
import dev.switchboard.testkit.McpTestClient.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import io.vertx.core.json.JsonObject;
import io.vertx.core.http.HttpMethod;

/** DNS-rebinding protection: Host and Origin are checked on every request. */
class HostOriginTest extends GatewayTestBase {

  private Answer initializeWith(String header, String value) {
    return client.request().noSession().header(header, value)
      .body(client.message(1, "initialize", new JsonObject().put("protocolVersion", "2025-11-25")))
      .send().await();
  }

  @Test
  void foreignHostGets403() {
    Answer answer = initializeWith("Host", "evil.example.com");

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.header("Mcp-Session-Id")).isNull();
  }

  @Test
  void foreignOriginGets403() {
    Answer answer = initializeWith("Origin", "http://evil.example.com");

    assertThat(answer.status()).isEqualTo(403);
  }

  @Test
  void nullOriginGets403() {
    assertThat(initializeWith("Origin", "null").status()).isEqualTo(403);
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "localhost:8080", "127.0.0.1", "127.0.0.1:1234", "[::1]", "[::1]:3000"})
  void loopbackHostsAreAllowed(String host) {
    assertThat(initializeWith("Host", host).status()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost", "http://localhost:3000", "https://127.0.0.1:8443", "http://[::1]:5173"})
  void loopbackOriginsAreAllowed(String origin) {
    assertThat(initializeWith("Origin", origin).status()).isEqualTo(200);
  }

  @Test
  void foreignHostCannotDeleteASession() {
    client.initialize().await();

    Answer answer = client.request().method(HttpMethod.DELETE).header("Host", "evil.example.com")
      .body((Object) null).send().await();

    assertThat(answer.status()).isEqualTo(403);
    assertThat(client.request("ping").await().status()).isEqualTo(200);
  }
}
