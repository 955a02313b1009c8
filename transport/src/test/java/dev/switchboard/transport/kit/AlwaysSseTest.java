package dev.switchboard.transport.kit;

import dev.switchboard.testkit.StreamEvent;
import dev.switchboard.testkit.McpTestClient.Answer;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlwaysSseTest extends McpServerTestBase {

  @Override
  protected McpServerBuilder configure(McpServerBuilder builder) {
    return builder.alwaysSse(true);
  }

  @Test
  void everyRequestIsAnsweredAsSse() throws Exception {
    Answer init = post(initializeRequest("2025-11-25", new JsonObject()));
    assertThat(init.isSse()).isTrue();
    assertThat(init.headers().get("Mcp-Session-Id")).isNotBlank();
    client.sessionId(init.headers().get("Mcp-Session-Id"));

    Answer reply = call("tools/call", new JsonObject().put("name", "echo")
      .put("arguments", new JsonObject().put("text", "sse")));

    assertThat(reply.isSse()).isTrue();
    List<StreamEvent> events = reply.events();
    assertThat(events).hasSize(2);
    assertThat(events.get(0).isPriming()).isTrue();
    assertThat(reply.result().getJsonArray("content").getJsonObject(0).getString("text")).isEqualTo("sse");
  }
}
