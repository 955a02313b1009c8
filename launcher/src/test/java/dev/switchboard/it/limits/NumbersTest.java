package dev.switchboard.it.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.testkit.McpTestClient.Answer;
import dev.switchboard.it.TestBackends;
import dev.switchboard.launcher.Gateway;
import dev.switchboard.transport.limits.LimitsOptions;
import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fault 8 of issue 10: {@code "id": 1e999999} came back as {@code "id": "Infinity"}, the argument {@code 1e999999}
 * reached the backend as the string {@code "Infinity"}, and {@code "id": 1.5} worked for ping but not for
 * tools/call. Now ids, arguments and results round-trip byte-exact, and an id with a fractional part is -32600 for
 * every method (MCP: an id is a string or an integer). A recording proxy shows the bytes the backend receives.
 */
@ExtendWith(VertxExtension.class)
class NumbersTest {
  private static final String ARGUMENTS = "{\"text\":\"n\",\"huge\":1e999999,\"big\":12345678901234567890123,"
    + "\"exp\":1E+2,\"half\":1.50,\"negzero\":-0}";
  private static final String RESULT_NUMBERS = "{\"huge\":1e999999,\"big\":12345678901234567890123,\"exp\":1E+2,"
    + "\"tiny\":2.5e-3}";

  private RunningServer backend;
  private RecordingProxy proxy;
  private Gateway gateway;
  private McpTestClient client;

  @BeforeEach
  void start(Vertx vertx) {
    backend = TestBackends.start(vertx, TestBackends.named("alpha", 0, "echo")).await();
    proxy = RecordingProxy.start(vertx, backend.url()).await();
    gateway = LimitsHarness.start(vertx, LimitsOptions.defaults(),
      List.of(LimitsHarness.backend("alpha", proxy.url()))).await();
    client = new McpTestClient(vertx, gateway.url());
    client.initialize().await();
    client.request("tools/list").await();
    proxy.answerToolCalls(new RecordingProxy.ToolCallAnswer(200, "application/json",
      request -> "{\"jsonrpc\":\"2.0\",\"id\":" + Json.encode(request.getValue("id")) + ",\"result\":{\"content\":"
        + "[{\"type\":\"text\",\"text\":\"ok\"}],\"structuredContent\":" + RESULT_NUMBERS + "}}"));
  }

  @AfterEach
  void stop() {
    gateway.stop().await();
    proxy.close().await();
    backend.close().await();
  }

  private Answer rawCall(String id) {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"alpha_echo\","
      + "\"arguments\":" + ARGUMENTS + "}}";
    return client.exchange(client.request().rawBody(body)).await();
  }

  private String lastToolCallSentToTheBackend() {
    return proxy.sent().stream().filter(s -> s.method() == HttpMethod.POST)
      .map(s -> s.body().toString()).filter(b -> b.contains("tools/call")).reduce((a, b) -> b).orElseThrow();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e999999", "12345678901234567890123", "1E+2", "7"})
  void idArgumentsAndResultRoundTripByteExact(String id) {
    Answer answer = rawCall(id);

    String sent = lastToolCallSentToTheBackend();
    String received = answer.body().toString();
    System.out.printf("[figure] id %s: backend received %s; client received %s%n", id, sent, received);
    assertThat(sent).contains("\"id\":" + id + ",").contains("\"arguments\":" + ARGUMENTS);
    assertThat(received).contains("\"id\":" + id + ",").contains("\"structuredContent\":" + RESULT_NUMBERS)
      .doesNotContain("Infinity");
  }

  @Test
  void fractionalIdIsInvalidForToolsCall() {
    Answer answer = rawCall("1.5");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error().getInteger("code")).isEqualTo(-32600);
  }

  @Test
  void fractionalIdIsInvalidForPing() {
    Answer answer = client.exchange(client.request().rawBody("{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}"))
      .await();

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error().getInteger("code")).isEqualTo(-32600);
  }
}
