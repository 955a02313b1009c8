package dev.switchboard.transport.kit;

import dev.switchboard.testkit.McpTestClient.Answer;
import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.testkit.Awaits;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class TransportRulesTest extends McpServerTestBase {

  @Test
  void acceptWithoutSseGets406() throws Exception {
    Answer reply = send(HttpMethod.POST, initializeRequest("2025-11-25", new JsonObject()),
      Map.of("Accept", "application/json"));
    assertThat(reply.status()).isEqualTo(406);
    assertThat(reply.message().getJsonObject("error").getInteger("code")).isEqualTo(-32000);
  }

  @Test
  void evilHostGets403() throws Exception {
    Answer reply = send(HttpMethod.POST, initializeRequest("2025-11-25", new JsonObject()),
      Map.of("Host", "evil.example.com"));
    assertThat(reply.status()).isEqualTo(403);
  }

  @Test
  void evilOriginGets403() throws Exception {
    Answer reply = send(HttpMethod.POST, initializeRequest("2025-11-25", new JsonObject()),
      Map.of("Origin", "http://evil.example.com"));
    assertThat(reply.status()).isEqualTo(403);
  }

  @Test
  void loopbackHostNamesWithAnyPortAreAccepted() throws Exception {
    for (String host : new String[] {"localhost:1234", "127.0.0.1:9", "[::1]:3000"}) {
      Answer reply = send(HttpMethod.POST, initializeRequest("2025-11-25", new JsonObject()),
        Map.of("Host", host));
      assertThat(reply.status()).as(host).isEqualTo(200);
    }
  }

  @Test
  void nonJsonContentTypeGets415() throws Exception {
    Answer reply = send(HttpMethod.POST, "{}", Map.of("Content-Type", "text/plain"));
    assertThat(reply.status()).isEqualTo(415);
  }

  @Test
  void malformedJsonGetsParseError() throws Exception {
    Answer reply = send(HttpMethod.POST, "{\"jsonrpc\":", Map.of());
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.message().getJsonObject("error").getInteger("code")).isEqualTo(-32700);
  }

  @Test
  void nonJsonRpcMessageGetsInvalidRequest() throws Exception {
    startSession();
    Answer reply = post(new JsonObject().put("jsonrpc", "1.0").put("id", 5).put("method", "ping"));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.message().getValue("id")).isEqualTo(5);
    assertThat(reply.message().getJsonObject("error").getInteger("code")).isEqualTo(-32600);
  }

  @Test
  void tooDeepJsonIsRejected() throws Exception {
    startSession();
    String deep = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":" + "[".repeat(100) + "]".repeat(100) + "}";
    assertThat(send(HttpMethod.POST, deep, Map.of()).status()).isEqualTo(400);
  }

  @Test
  void unknownMethodGetsMethodNotFound() throws Exception {
    startSession();
    Answer reply = call("no/such/method", null);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.error().getInteger("code")).isEqualTo(-32601);
  }

  @Test
  void putGets405() throws Exception {
    assertThat(send(HttpMethod.PUT, "{}", Map.of()).status()).isEqualTo(405);
  }

  @Test
  void batchIsRejectedAfter20250326() throws Exception {
    startSession();
    Answer reply = post(new JsonArray().add(request("ping", null)));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.message().getJsonObject("error").getInteger("code")).isEqualTo(-32600);
  }

  @Test
  void batchIsAnsweredInA20250326Session() throws Exception {
    client.protocolVersion("2025-03-26");
    startSession();
    JsonObject first = request("ping", null);
    JsonObject second = request("tools/call", new JsonObject().put("name", "echo")
      .put("arguments", new JsonObject().put("text", "hi")));
    Answer reply = post(new JsonArray().add(first).add(McpTestClient.notification("notifications/x", null))
      .add(second));

    assertThat(reply.status()).isEqualTo(200);
    JsonArray responses = new JsonArray(reply.body());
    assertThat(responses).hasSize(2);
    assertThat(responses.getJsonObject(0).getLong("id")).isEqualTo(first.getLong("id"));
    assertThat(responses.getJsonObject(1).getJsonObject("result").getJsonArray("content").getJsonObject(0)
      .getString("text")).isEqualTo("hi");
  }

  @Test
  void batchResponsesGatheredBeforeAStreamStartsAreSentOnIt() throws Exception {
    client.protocolVersion("2025-03-26");
    startSession();
    JsonObject ping = request("ping", null);
    JsonObject progress = request("tools/call", new JsonObject().put("name", "progress")
      .put("_meta", new JsonObject().put("progressToken", 7)));
    Answer reply = post(new JsonArray().add(ping).add(progress));

    assertThat(reply.isSse()).isTrue();
    assertThat(reply.events()).extracting(e -> e.json().getValue("id")).filteredOn(Objects::nonNull)
      .containsExactly(ping.getLong("id").intValue(), progress.getLong("id").intValue());
  }

  @Test
  void duplicateInFlightRequestIdIsRefused() throws Exception {
    startSession();
    JsonObject hang = request("tools/call", new JsonObject().put("name", "hang"));
    sendAsync(HttpMethod.POST, hang, Map.of());
    Awaits.until(() -> server.requestCount("tools/call") == 1);
    Answer reply = post(hang);
    assertThat(reply.error().getInteger("code")).isEqualTo(-32600);
  }
}
