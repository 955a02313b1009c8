package dev.switchboard.it.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.testkit.McpTestClient.Answer;
import dev.switchboard.it.TestBackends;
import dev.switchboard.launcher.Gateway;
import dev.switchboard.transport.limits.LimitsOptions;
import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fault 7 of issue 10: a backend's HTTP error body (even a stack trace), the Netty exception class and the backend's
 * address used to reach the client in the {@code isError} text. Now the client sees the backend's name and a short
 * generic reason; a JSON-RPC error the backend itself returns is still passed on.
 */
@ExtendWith(VertxExtension.class)
class ErrorTextTest {
  private static final String STACK_TRACE = "java.lang.IllegalStateException: db password=hunter2 rejected\n"
    + "\tat com.example.internal.Db.connect(Db.java:42)\n\tat com.example.internal.Tools.call(Tools.java:7)\n";

  private Vertx vertx;
  private RunningServer backend;
  private RecordingProxy proxy;
  private Gateway gateway;
  private McpTestClient client;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    backend = TestBackends.start(vertx, TestBackends.named("alpha", 0, "echo")).await();
    proxy = RecordingProxy.start(vertx, backend.url()).await();
    gateway = LimitsHarness.start(vertx, LimitsOptions.defaults(),
      List.of(LimitsHarness.backend("alpha", proxy.url()))).await();
    client = new McpTestClient(vertx, gateway.url());
    client.initialize().await();
    client.request("tools/list").await();
  }

  @AfterEach
  void stop() {
    gateway.stop().await();
    proxy.close().await();
    backend.close().await();
  }

  private String errorText() {
    Answer answer = client.callTool("alpha_echo", new JsonObject().put("text", "hi")).await();
    assertThat(answer.result().getBoolean("isError")).isTrue();
    return answer.result().getJsonArray("content").getJsonObject(0).getString("text");
  }

  @Test
  void serverErrorBodyStaysInTheLog() {
    proxy.answerToolCalls(new RecordingProxy.ToolCallAnswer(500, "text/plain", request -> STACK_TRACE));

    String text = errorText();

    assertThat(text).isEqualTo("backend 'alpha': HTTP 500");
    assertThat(text).doesNotContain("hunter2", "Exception", "com.example");
  }

  @Test
  void refusedConnectionNamesNeitherClassNorAddress() {
    int port = proxy.port();
    proxy.close().await();

    String text = errorText();

    assertThat(text).isEqualTo("backend 'alpha': unreachable");
    assertThat(text).doesNotContain("127.0.0.1", ":" + port, "Exception", "refused");
  }

  @Test
  void answerThatIsNotMcpIsAnInvalidAnswer() {
    proxy.answerToolCalls(new RecordingProxy.ToolCallAnswer(200, "application/json",
      request -> "<html>proxy error at 10.0.0.7</html>"));

    String text = errorText();

    assertThat(text).isEqualTo("backend 'alpha': invalid answer");
  }

  @Test
  void jsonRpcErrorOfTheBackendIsPassedOn() {
    proxy.answerToolCalls(new RecordingProxy.ToolCallAnswer(200, "application/json",
      request -> new JsonObject().put("jsonrpc", "2.0").put("id", request.getValue("id"))
        .put("error", new JsonObject().put("code", -32042).put("message", "quota of the backend used up")
          .put("data", new JsonObject().put("retryAfter", 5))).encode()));

    Answer answer = client.callTool("alpha_echo", new JsonObject().put("text", "hi")).await();

    assertThat(answer.error().getInteger("code")).isEqualTo(-32042);
    assertThat(answer.error().getString("message")).isEqualTo("quota of the backend used up");
    assertThat(answer.error().getJsonObject("data")).isEqualTo(new JsonObject().put("retryAfter", 5));
  }
}
