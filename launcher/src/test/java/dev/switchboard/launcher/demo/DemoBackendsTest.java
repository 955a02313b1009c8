package dev.switchboard.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Starts both demo backends and calls their tools over plain streamable HTTP. */
@ExtendWith(VertxExtension.class)
class DemoBackendsTest {
  private List<RunningServer> servers;
  private WebClient web;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    servers = DemoBackends.start(vertx).await(10, TimeUnit.SECONDS);
    web = WebClient.create(vertx);
  }

  @AfterEach
  void stop() throws Exception {
    Future.join(servers.stream().map(RunningServer::close).toList()).await(10, TimeUnit.SECONDS);
  }

  private HttpResponse<Buffer> post(RunningServer server, String sessionId, JsonObject message) throws Exception {
    var request = web.postAbs(server.url())
      .putHeader("Accept", "application/json, text/event-stream")
      .putHeader("Content-Type", "application/json");
    if (sessionId != null) {
      request.putHeader("Mcp-Session-Id", sessionId).putHeader("MCP-Protocol-Version", "2025-11-25");
    }
    return request.sendBuffer(message.toBuffer()).await(10, TimeUnit.SECONDS);
  }

  private String initialize(RunningServer server) throws Exception {
    HttpResponse<Buffer> reply = post(server, null, new JsonObject().put("jsonrpc", "2.0").put("id", 0)
      .put("method", "initialize").put("params", new JsonObject().put("protocolVersion", "2025-11-25")
        .put("capabilities", new JsonObject()).put("clientInfo", new JsonObject().put("name", "t").put("version", "1"))));
    assertThat(reply.statusCode()).isEqualTo(200);
    String sessionId = reply.getHeader("Mcp-Session-Id");
    assertThat(post(server, sessionId, new JsonObject().put("jsonrpc", "2.0").put("method", "notifications/initialized"))
      .statusCode()).isEqualTo(202);
    return sessionId;
  }

  private JsonObject callTool(RunningServer server, String name, JsonObject arguments) throws Exception {
    String sessionId = initialize(server);
    HttpResponse<Buffer> reply = post(server, sessionId, new JsonObject().put("jsonrpc", "2.0").put("id", 1)
      .put("method", "tools/call").put("params", new JsonObject().put("name", name).put("arguments", arguments)));
    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(reply.getHeader("Content-Type")).startsWith("application/json");
    return reply.bodyAsJsonObject().getJsonObject("result");
  }

  private static String text(JsonObject result) {
    return result.getJsonArray("content").getJsonObject(0).getString("text");
  }

  @Test
  void bothStartOnLoopbackEphemeralPorts() {
    assertThat(servers).hasSize(2);
    assertThat(servers).allSatisfy(s -> assertThat(s.url()).startsWith("http://127.0.0.1:").endsWith("/mcp"));
    assertThat(servers.get(0).port()).isPositive().isNotEqualTo(servers.get(1).port());
  }

  @Test
  void mathAddReturnsStructuredContent() throws Exception {
    JsonObject result = callTool(servers.get(0), "add", new JsonObject().put("a", 2).put("b", 3.5));
    assertThat(result.getJsonObject("structuredContent").getDouble("result")).isEqualTo(5.5);
    assertThat(text(result)).isEqualTo("{\"result\":5.5}");
  }

  @Test
  void mathMissingArgumentIsAToolError() throws Exception {
    JsonObject result = callTool(servers.get(0), "add", new JsonObject().put("a", 2));
    assertThat(result.getBoolean("isError")).isTrue();
    assertThat(text(result)).isEqualTo("Missing required argument 'b' (number)");
  }

  @Test
  void mathMistypedArgumentIsAToolError() throws Exception {
    JsonObject result = callTool(servers.get(0), "multiply", new JsonObject().put("a", "x").put("b", 2));
    assertThat(result.getBoolean("isError")).isTrue();
    assertThat(text(result)).isEqualTo("Argument 'a' must be a number, got string");
  }

  @Test
  void bothServersHaveAnEchoTool() throws Exception {
    assertThat(text(callTool(servers.get(0), "echo", new JsonObject().put("text", "m")))).isEqualTo("m");
    assertThat(text(callTool(servers.get(1), "echo", new JsonObject().put("text", "t")))).isEqualTo("t");
  }

  @Test
  void textToolsAnswer() throws Exception {
    assertThat(text(callTool(servers.get(1), "upper", new JsonObject().put("text", "abc")))).isEqualTo("ABC");
    assertThat(text(callTool(servers.get(1), "word_count", new JsonObject().put("text", "a b  c")))).isEqualTo("3");
    JsonObject slow = callTool(servers.get(1), "slow_echo", new JsonObject().put("text", "now").put("seconds", 0));
    assertThat(text(slow)).isEqualTo("now");
  }

  @Test
  void slowEchoRejectsOutOfRangeSeconds() throws Exception {
    JsonObject result = callTool(servers.get(1), "slow_echo", new JsonObject().put("text", "x").put("seconds", 99));
    assertThat(result.getBoolean("isError")).isTrue();
    assertThat(text(result)).contains("between 0 and 30");
  }

  @Test
  void toolSchemasDeclareRequiredTypedArguments() throws Exception {
    RunningServer math = servers.get(0);
    String sessionId = initialize(math);
    JsonArray tools = post(math, sessionId, new JsonObject().put("jsonrpc", "2.0").put("id", 2)
      .put("method", "tools/list")).bodyAsJsonObject().getJsonObject("result").getJsonArray("tools");
    JsonObject add = tools.getJsonObject(0);
    assertThat(add.getString("name")).isEqualTo("add");
    assertThat(add.getJsonObject("inputSchema").getJsonArray("required")).containsExactly("a", "b");
    assertThat(add.getJsonObject("inputSchema").getJsonObject("properties").getJsonObject("a").getString("type"))
      .isEqualTo("number");
    assertThat(add.getJsonObject("outputSchema").getString("type")).isEqualTo("object");
  }
}
