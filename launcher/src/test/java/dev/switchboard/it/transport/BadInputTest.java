package dev.switchboard.it.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.it.GatewayTestBase;
import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.testkit.McpTestClient.Answer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input gets the right error, and the gateway keeps serving a bystander session. */
class BadInputTest extends GatewayTestBase {
  private McpTestClient bystander;

  @BeforeEach
  void openBystander() {
    bystander = newClient();
    bystander.initialize().await();
    client.initialize().await();
  }

  private void bystanderStillServed() {
    Answer answer = bystander.callTool("alpha_echo", new JsonObject().put("text", "still here")).await();
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.result().getJsonArray("content").getJsonObject(0).getString("text"))
      .isEqualTo("alpha/echo: still here");
  }

  @Test
  void malformedJsonGetsParseError() {
    Answer answer = client.request().rawBody("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": ").send().await();

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error().getInteger("code")).isEqualTo(-32700);
    bystanderStillServed();
  }

  @Test
  void emptyBodyGetsParseError() {
    Answer answer = client.request().rawBody("").send().await();

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error().getInteger("code")).isEqualTo(-32700);
  }

  @Test
  void wrongJsonRpcVersionIsInvalidRequest() {
    Answer answer = client.request().body(new JsonObject().put("jsonrpc", "1.0").put("id", 7).put("method", "ping"))
      .send().await();

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error().getInteger("code")).isEqualTo(-32600);
    assertThat(answer.json().getValue("id")).isEqualTo(7);
  }

  @Test
  void nonObjectMessageIsInvalidRequest() {
    Answer answer = client.request().rawBody("\"just a string\"").send().await();

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error().getInteger("code")).isEqualTo(-32600);
  }

  @Test
  void idOfWrongTypeIsInvalidRequest() {
    Answer answer = client.request().body(new JsonObject().put("jsonrpc", "2.0").put("id", new JsonObject())
      .put("method", "ping")).send().await();

    assertThat(answer.error().getInteger("code")).isEqualTo(-32600);
  }

  @Test
  void paramsOfWrongTypeAreInvalidParams() {
    Answer answer = client.request().body(new JsonObject().put("jsonrpc", "2.0").put("id", 3)
      .put("method", "tools/call").put("params", "alpha_echo")).send().await();

    assertThat(answer.error().getInteger("code")).isEqualTo(-32602);
    bystanderStillServed();
  }

  @Test
  void toolNameOfWrongTypeIsInvalidParams() {
    Answer answer = client.request("tools/call", new JsonObject().put("name", 42)).await();

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.error().getInteger("code")).isEqualTo(-32602);
  }

  @Test
  void argumentsOfWrongTypeAreInvalidParams() {
    Answer answer = client.request("tools/call", new JsonObject().put("name", "alpha_echo").put("arguments", "x"))
      .await();

    assertThat(answer.error().getInteger("code")).isEqualTo(-32602);
  }

  @Test
  void unknownMethodIsMethodNotFound() {
    Answer answer = client.request("tools/teleport").await();

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.error().getInteger("code")).isEqualTo(-32601);
  }

  @Test
  void hugeBodyGets413() {
    String padding = "x".repeat(128 * 1024);
    Answer answer = client.request().body(client.message(5, "tools/call", new JsonObject().put("name", "alpha_echo")
      .put("arguments", new JsonObject().put("text", padding)))).send().await();

    assertThat(answer.status()).isEqualTo(413);
    bystanderStillServed();
  }

  @Test
  void deepNestingGets400() {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    Answer answer = client.request().rawBody("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
      + "{\"name\":\"alpha_echo\",\"arguments\":{\"text\":" + deep + "}}}").send().await();

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error().getInteger("code")).isEqualTo(-32600);
    bystanderStillServed();
  }

  @Test
  void invalidUtf8GetsParseError() {
    Buffer bad = Buffer.buffer("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"x\":\"").appendByte((byte) 0xC3)
      .appendByte((byte) 0x28).appendString("\"}");
    Answer answer = client.request().body(bad).send().await();

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error().getInteger("code")).isEqualTo(-32700);
    bystanderStillServed();
  }
}
