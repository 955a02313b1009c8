package dev.switchboard.transport.kit;

import dev.switchboard.testkit.McpTestClient.Answer;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ToolsTest extends McpServerTestBase {

  @BeforeEach
  void openSession() throws Exception {
    startSession();
  }

  private Answer callTool(String name, JsonObject arguments) throws Exception {
    return call("tools/call", new JsonObject().put("name", name).put("arguments", arguments));
  }

  @Test
  void toolsListAnswersJsonWithDefinitions() throws Exception {
    Answer reply = call("tools/list", null);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("application/json");
    JsonArray tools = reply.result().getJsonArray("tools");
    assertThat(tools.stream().map(t -> ((JsonObject) t).getString("name")))
      .containsExactly("echo", "progress", "sample", "log", "fail", "protocol_error", "hang");
    assertThat(tools.getJsonObject(0).getJsonObject("inputSchema").getJsonArray("required")).containsExactly("text");
    assertThat(reply.result().containsKey("nextCursor")).isFalse();
  }

  @Test
  void toolsCallAnswersJson() throws Exception {
    Answer reply = callTool("echo", new JsonObject().put("text", "hello"));

    assertThat(reply.contentType()).startsWith("application/json");
    assertThat(reply.result().getJsonArray("content").getJsonObject(0).getString("text")).isEqualTo("hello");
    assertThat(server.requestCount("tools/call")).isEqualTo(1);
  }

  @Test
  void unknownToolIsInvalidParams() throws Exception {
    JsonObject error = callTool("nope", new JsonObject()).error();
    assertThat(error.getInteger("code")).isEqualTo(-32602);
    assertThat(error.getString("message")).isEqualTo("Unknown tool: nope");
  }

  @Test
  void missingToolNameIsInvalidParams() throws Exception {
    assertThat(call("tools/call", new JsonObject()).error().getInteger("code")).isEqualTo(-32602);
  }

  @Test
  void throwingToolGivesIsErrorResult() throws Exception {
    JsonObject result = callTool("fail", new JsonObject()).result();
    assertThat(result.getBoolean("isError")).isTrue();
    assertThat(result.getJsonArray("content").getJsonObject(0).getString("text")).isEqualTo("boom");
  }

  @Test
  void mcpExceptionFromToolGivesJsonRpcError() throws Exception {
    JsonObject error = callTool("protocol_error", new JsonObject()).error();
    assertThat(error.getInteger("code")).isEqualTo(-32602);
    assertThat(error.getString("message")).isEqualTo("bad input");
  }
}
