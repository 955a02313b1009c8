package dev.switchboard.it.transport;

import dev.switchboard.testkit.McpTestClient;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.it.GatewayTestBase;
import dev.switchboard.testkit.McpTestClient.Answer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** JSON-RPC batches exist only in protocol 2025-03-26. */
class BatchTest extends GatewayTestBase {

  @Test
  void batchIsAnsweredForA20250326Session() {
    client.initialize("2025-03-26").await();

    Answer answer = client.request().body(new JsonArray()
      .add(client.message(10, "ping", null))
      .add(client.message(11, "tools/list", null))
      .add(new JsonObject().put("jsonrpc", "2.0").put("method", "notifications/cancelled")
        .put("params", new JsonObject().put("requestId", 99)))).send().await();

    assertThat(answer.status()).isEqualTo(200);
    JsonArray responses = (JsonArray) answer.jsonValue();
    assertThat(responses).hasSize(2);
    assertThat(responses.stream().map(r -> ((JsonObject) r).getValue("id").toString()))
      .containsExactlyInAnyOrder("10", "11");
  }

  @Test
  void batchOfNotificationsGets202() {
    client.initialize("2025-03-26").await();

    Answer answer = client.request().body(new JsonArray()
      .add(new JsonObject().put("jsonrpc", "2.0").put("method", "notifications/roots/list_changed"))).send().await();

    assertThat(answer.status()).isEqualTo(202);
  }

  @Test
  void batchIsRejectedForA20251125Session() {
    client.initialize("2025-11-25").await();

    Answer answer = client.request().body(new JsonArray().add(client.message(10, "ping", null))).send().await();

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error().getInteger("code")).isEqualTo(-32600);
  }

  @Test
  void initializeInsideABatchIsRejected() {
    client.initialize("2025-03-26").await();

    Answer answer = client.request().body(new JsonArray().add(client.message(10, "initialize",
      new JsonObject().put("protocolVersion", "2025-03-26")))).send().await();

    JsonObject response = ((JsonArray) answer.jsonValue()).getJsonObject(0);
    assertThat(response.getJsonObject("error").getInteger("code")).isEqualTo(-32600);
  }

  @Test
  void invalidElementGetsItsOwnErrorAndOthersAreAnswered() {
    client.initialize("2025-03-26").await();

    Answer answer = client.request().body(new JsonArray().add(42).add(client.message(12, "ping", null))).send()
      .await();

    JsonArray responses = (JsonArray) answer.jsonValue();
    assertThat(responses).hasSize(2);
    assertThat(responses.getJsonObject(0).getJsonObject("error").getInteger("code")).isEqualTo(-32600);
    assertThat(responses.getJsonObject(1).getJsonObject("result")).isEqualTo(new JsonObject());
  }
}
