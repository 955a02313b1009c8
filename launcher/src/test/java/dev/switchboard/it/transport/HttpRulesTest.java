package dev.switchboard.it.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.it.GatewayTestBase;
import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.testkit.McpTestClient.Answer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streamable-HTTP rules of POST, GET and DELETE, one per test. */
class HttpRulesTest extends GatewayTestBase {

  @Test
  void notificationGets202WithoutBody() {
    client.initializeOnly("2025-11-25").await();

    Answer answer = client.notify("notifications/initialized", null).await();

    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.body().length()).isZero();
  }

  @Test
  void responseGets202() {
    client.initialize().await();

    Answer answer = client.request().body(new JsonObject().put("jsonrpc", "2.0").put("id", "s-1")
      .put("result", new JsonObject())).send().await();

    assertThat(answer.status()).isEqualTo(202);
  }

  @Test
  void pingAnswersEmptyObject() {
    client.initialize().await();

    Answer answer = client.request("ping").await();

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.result()).isEqualTo(new JsonObject());
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/json", "text/event-stream", "text/html"})
  void acceptWithoutBothTypesGets406(String accept) {
    Answer answer = client.request().noSession().header("Accept", accept)
      .body(client.message(1, "ping", null)).send().await();

    assertThat(answer.status()).isEqualTo(406);
    assertThat(answer.error().getInteger("code")).isEqualTo(-32000);
  }

  @Test
  void missingAcceptGets406() {
    Answer answer = client.request().noSession().header("Accept", null).body(client.message(1, "ping", null)).send()
      .await();

    assertThat(answer.status()).isEqualTo(406);
  }

  @Test
  void wrongContentTypeGets415() {
    client.initialize().await();

    Answer answer = client.request().header("Content-Type", "text/plain").body(client.message(2, "ping", null))
      .send().await();

    assertThat(answer.status()).isEqualTo(415);
  }

  @Test
  void putGets405() {
    Answer answer = client.request().method(HttpMethod.PUT).body(client.message(1, "ping", null)).send().await();

    assertThat(answer.status()).isEqualTo(405);
  }

  @Test
  void missingSessionIdGets400() {
    Answer answer = client.request().noSession().body(client.message(1, "tools/list", null)).send().await();

    assertThat(answer.status()).isEqualTo(400);
  }

  @Test
  void unknownSessionIdGets404() {
    Answer answer = client.sessionId("no-such-session-0123456789abcdef").request("tools/list").await();

    assertThat(answer.status()).isEqualTo(404);
  }

  @Test
  void deleteEndsTheSessionAndLaterUseGets404() {
    client.initialize().await();
    assertThat(client.request("tools/list").await().status()).isEqualTo(200);

    Answer deleted = client.delete().await();
    Answer after = client.request("tools/list").await();

    assertThat(deleted.status()).isEqualTo(200);
    assertThat(after.status()).isEqualTo(404);
    assertThat(client.delete().await().status()).isEqualTo(404);
  }

  @Test
  void deleteWithoutSessionIdGets400() {
    Answer answer = client.request().method(HttpMethod.DELETE).noSession().body((Object) null).send().await();

    assertThat(answer.status()).isEqualTo(400);
  }

  @Test
  void unknownPathGets404() {
    McpTestClient other = new McpTestClient(vertx, gateway.url().replace("/mcp", "/other"));

    assertThat(other.request().noSession().body(other.message(1, "ping", null)).send().await().status())
      .isEqualTo(404);
  }

  @Test
  void healthEndpointsAnswer() {
    McpTestClient live = new McpTestClient(vertx, gateway.url().replace("/mcp", "/health/live"));

    Answer answer = live.request().method(HttpMethod.GET).body((Object) null).send().await();

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().getString("status")).isEqualTo("UP");
  }
}
