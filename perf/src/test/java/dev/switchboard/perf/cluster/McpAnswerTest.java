package dev.switchboard.perf.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

/** The driver reads JSON and SSE answers alike. */
class McpAnswerTest {

  @Test
  void jsonBodyIsTheMessage() {
    McpAnswer answer = McpAnswer.of(200, headers("application/json"),
      Buffer.buffer("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{\"tools\":[]}}"), 3);

    assertThat(answer.result().getJsonArray("tools")).isEmpty();
    assertThat(answer.errorCode()).isNull();
  }

  @Test
  void sseBodyGivesTheResponseWithTheRequestId() {
    String stream = "id: e1\nevent: message\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\","
      + "\"params\":{\"progress\":1}}\n\n"
      + "id: e2\r\ndata: {\"jsonrpc\":\"2.0\",\"id\":7,\r\ndata: \"result\":{\"isError\":false}}\r\n\r\n";
    McpAnswer answer = McpAnswer.of(200, headers("text/event-stream"), Buffer.buffer(stream), 7);

    assertThat(answer.result().getBoolean("isError")).isFalse();
  }

  @Test
  void errorCodeIsRead() {
    McpAnswer answer = McpAnswer.of(404, headers("application/json"),
      Buffer.buffer("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32001,\"message\":\"Session not found\"}}"), 1);

    assertThat(answer.errorCode()).isEqualTo(-32001);
    assertThat(answer.result()).isNull();
  }

  @Test
  void emptyOrBrokenBodyHasNoMessage() {
    assertThat(McpAnswer.of(202, headers(null), Buffer.buffer(), null).message()).isNull();
    assertThat(McpAnswer.of(502, headers("text/html"), Buffer.buffer("<html>Bad Gateway</html>"), 1).message())
      .isNull();
  }

  private static MultiMap headers(String contentType) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    if (contentType != null) {
      headers.add("Content-Type", contentType);
    }
    return headers;
  }
}
