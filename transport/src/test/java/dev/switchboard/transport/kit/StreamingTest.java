package dev.switchboard.transport.kit;

import dev.switchboard.testkit.StreamEvent;
import dev.switchboard.testkit.McpTestClient.OpenStream;
import dev.switchboard.testkit.McpTestClient.Answer;
import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.testkit.Awaits;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StreamingTest extends McpServerTestBase {

  private JsonObject toolCall(String name, JsonObject arguments) {
    return request("tools/call", new JsonObject().put("name", name).put("arguments", arguments)
      .put("_meta", new JsonObject().put("progressToken", "tok-1")));
  }

  @Test
  void progressSwitchesTheAnswerToSseWithPrimingEventFirst() throws Exception {
    startSession();
    Answer reply = post(toolCall("progress", new JsonObject()));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.isSse()).isTrue();
    List<StreamEvent> events = reply.events();
    assertThat(events).hasSize(4);
    assertThat(events.get(0).isPriming()).isTrue();
    JsonObject first = events.get(1).json();
    assertThat(first.getString("method")).isEqualTo("notifications/progress");
    assertThat(first.getJsonObject("params").getString("progressToken")).isEqualTo("tok-1");
    assertThat(first.getJsonObject("params").getDouble("progress")).isEqualTo(1.0);
    assertThat(first.getJsonObject("params").getDouble("total")).isEqualTo(2.0);
    assertThat(first.getJsonObject("params").getString("message")).isEqualTo("half");
    assertThat(events.get(2).json().getJsonObject("params").getDouble("progress")).isEqualTo(2.0);
    assertThat(events.get(3).json().getJsonObject("result").getJsonArray("content").getJsonObject(0)
      .getString("text")).isEqualTo("progressed");
    assertThat(events).extracting(StreamEvent::id).doesNotContainNull().doesNotHaveDuplicates();
  }

  @Test
  void noPrimingEventFor20250618Sessions() throws Exception {
    client.protocolVersion("2025-06-18");
    startSession();
    List<StreamEvent> events = post(toolCall("progress", new JsonObject())).events();
    assertThat(events).hasSize(3).noneMatch(StreamEvent::isPriming);
  }

  @Test
  void withoutProgressTokenTheAnswerStaysJson() throws Exception {
    startSession();
    Answer reply = call("tools/call", new JsonObject().put("name", "progress"));
    assertThat(reply.contentType()).startsWith("application/json");
  }

  @Test
  void samplingRequestIsAnsweredByASecondPost() throws Exception {
    startSession(new JsonObject().put("sampling", new JsonObject()));
    OpenStream stream = stream(HttpMethod.POST,
      toolCall("sample", new JsonObject().put("prompt", "What is 6*7?")), Map.of());
    assertThat(stream.response.getHeader("content-type")).startsWith("text/event-stream");

    JsonObject request = stream.nextMessage();
    assertThat(request.getString("method")).isEqualTo("sampling/createMessage");
    assertThat(request.getJsonObject("params").getInteger("maxTokens")).isEqualTo(100);
    Answer ack = post(new JsonObject().put("jsonrpc", "2.0").put("id", request.getValue("id"))
      .put("result", new JsonObject().put("role", "assistant").put("model", "test-model")
        .put("content", new JsonObject().put("type", "text").put("text", "42"))));
    assertThat(ack.status()).isEqualTo(202);

    JsonObject response = stream.nextMessage();
    assertThat(response.getJsonObject("result").getJsonArray("content").getJsonObject(0).getString("text"))
      .isEqualTo("LLM said: 42");
  }

  @Test
  void samplingErrorAnswerBecomesJsonRpcError() throws Exception {
    startSession(new JsonObject().put("sampling", new JsonObject()));
    OpenStream stream = stream(HttpMethod.POST,
      toolCall("sample", new JsonObject().put("prompt", "no")), Map.of());
    JsonObject request = stream.nextMessage();
    post(new JsonObject().put("jsonrpc", "2.0").put("id", request.getValue("id"))
      .put("error", new JsonObject().put("code", -1).put("message", "User rejected sampling")));

    JsonObject response = stream.nextMessage();
    assertThat(response.getJsonObject("error").getInteger("code")).isEqualTo(-1);
    assertThat(response.getJsonObject("error").getString("message")).isEqualTo("User rejected sampling");
  }

  @Test
  void samplingWithoutClientCapabilityFails() throws Exception {
    startSession();
    JsonObject error = post(toolCall("sample", new JsonObject().put("prompt", "x"))).error();
    assertThat(error.getInteger("code")).isEqualTo(-32601);
  }

  @Test
  void logMessagesRespectSetLevel() throws Exception {
    startSession();
    assertThat(call("logging/setLevel", new JsonObject().put("level", "info")).result()).isEmpty();

    List<StreamEvent> events = post(toolCall("log", new JsonObject())).events();

    List<JsonObject> logs = events.stream().filter(e -> !e.data().isEmpty()).map(StreamEvent::json)
      .filter(m -> "notifications/message".equals(m.getString("method"))).toList();
    assertThat(logs).extracting(m -> m.getJsonObject("params").getString("level")).containsExactly("info", "error");
    assertThat(logs.get(1).getJsonObject("params").getJsonObject("data").getString("detail")).isEqualTo("error line");
    assertThat(logs.get(0).getJsonObject("params").getString("logger")).isEqualTo("test-server");
  }

  @Test
  void everyLevelIsSentByDefault() throws Exception {
    startSession();
    long logs = post(toolCall("log", new JsonObject())).events().stream()
      .filter(e -> e.data().contains("notifications/message")).count();
    assertThat(logs).isEqualTo(3);
  }

  @Test
  void badLogLevelIsInvalidParams() throws Exception {
    startSession();
    assertThat(call("logging/setLevel", new JsonObject().put("level", "verbose")).error()
      .getInteger("code")).isEqualTo(-32602);
  }

  @Test
  void cancelledRequestGetsNoResponseAndItsHandlerIsTold() throws Exception {
    startSession();
    int before = TestServers.CANCELLED.get();
    JsonObject hang = toolCall("hang", new JsonObject());
    Future<Answer> pending = sendAsync(HttpMethod.POST, hang, Map.of());
    Awaits.until(() -> server.requestCount("tools/call") == 1);

    Answer ack = post(McpTestClient.notification("notifications/cancelled",
      new JsonObject().put("requestId", hang.getValue("id")).put("reason", "user")));

    assertThat(ack.status()).isEqualTo(202);
    Answer reply = pending.await(10, TimeUnit.SECONDS);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.events()).isEmpty();
    assertThat(TestServers.CANCELLED.get()).isEqualTo(before + 1);
  }
}
