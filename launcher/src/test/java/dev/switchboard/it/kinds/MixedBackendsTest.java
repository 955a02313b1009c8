package dev.switchboard.it.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.it.GatewayHarness;
import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.testkit.McpTestClient.Streamed;
import dev.switchboard.testkit.StreamEvent;
import dev.switchboard.it.TestBackends;
import dev.switchboard.launcher.Gateway;
import dev.switchboard.transport.kit.RunningServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One gateway in front of every kind of backend at once: the npm reference servers filesystem and memory over
 * stdio, server-everything over stdio (shared process) and over legacy HTTP+SSE, and a streamable-HTTP backend.
 * Clients: the official MCP Java SDK, and the repo's raw client where the relay is checked message by message.
 */
class MixedBackendsTest {
  @TempDir
  static Path dir;
  private static Vertx vertx;
  private static NodeServers.SseEverything legacy;
  private static RunningServer alpha;
  private static Gateway gateway;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    Files.writeString(dir.resolve("hello.txt"), "hello from the filesystem server");
    legacy = NodeServers.SseEverything.start();
    alpha = TestBackends.start(vertx, TestBackends.named("alpha", 0, "echo", "add")).await();
    gateway = GatewayHarness.start(vertx, List.of(
      NodeServers.filesystem(dir),
      NodeServers.memory(dir.resolve("memory.jsonl")),
      NodeServers.everythingStdio("everything"),
      NodeServers.sse("legacy", legacy.sseUrl),
      GatewayHarness.backend("alpha", alpha)), AggregationOptions.defaults()).await();
  }

  @AfterAll
  static void stop() throws Exception {
    if (gateway != null) {
      gateway.stop().await();
    }
    if (legacy != null) {
      legacy.close();
    }
    vertx.close().await();
  }

  private static McpSyncClient sdk() {
    URI url = URI.create(gateway.url());
    var transport = HttpClientStreamableHttpTransport.builder("http://" + url.getHost() + ":" + url.getPort())
      .endpoint(url.getPath()).build();
    McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30))
      .clientInfo(new McpSchema.Implementation("switchboard-it", "1.0")).build();
    client.initialize();
    return client;
  }

  private static String text(McpSchema.CallToolResult result) {
    return ((McpSchema.TextContent) result.content().get(0)).text();
  }

  private static McpTestClient client(JsonObject capabilities) {
    McpTestClient client = new McpTestClient(vertx, gateway.url()).capabilities(capabilities);
    client.initialize().await();
    return client;
  }

  @Test
  void sdkClientListsTheUnionOfEveryKind() {
    McpSyncClient sdk = sdk();
    try {
      List<String> names = sdk.listTools().tools().stream().map(McpSchema.Tool::name).toList();

      assertThat(names).contains("files_list_directory", "memory_read_graph", "everything_echo", "legacy_echo",
        "alpha_echo");
    } finally {
      sdk.closeGracefully();
    }
  }

  @Test
  void sdkClientCallsAToolOnEachKind() {
    McpSyncClient sdk = sdk();
    try {
      String listing = text(sdk.callTool(new McpSchema.CallToolRequest("files_list_directory",
        Map.of("path", dir.toString()))));
      sdk.callTool(new McpSchema.CallToolRequest("memory_create_entities", Map.of("entities", List.of(Map.of(
        "name", "switchboard", "entityType", "gateway", "observations", List.of("fronts stdio servers"))))));
      String graph = text(sdk.callTool(new McpSchema.CallToolRequest("memory_read_graph", Map.of())));
      String stdio = text(sdk.callTool(new McpSchema.CallToolRequest("everything_echo", Map.of("message", "stdio"))));
      String sse = text(sdk.callTool(new McpSchema.CallToolRequest("legacy_echo", Map.of("message", "sse"))));
      String http = text(sdk.callTool(new McpSchema.CallToolRequest("alpha_echo", Map.of("text", "http"))));

      assertThat(listing).contains("[FILE] hello.txt");
      assertThat(graph).contains("switchboard").contains("fronts stdio servers");
      assertThat(stdio).isEqualTo("Echo: stdio");
      assertThat(sse).isEqualTo("Echo: sse");
      assertThat(http).isEqualTo("alpha/echo: http");
    } finally {
      sdk.closeGracefully();
    }
  }

  @Test
  void progressIsRelayedFromAStdioBackend() {
    McpTestClient client = client(new JsonObject());

    Streamed answer = client.streamRequest("tools/call", longRun("everything", 3, "tok-stdio"), null).await();

    List<JsonObject> progress = progress(answer);
    assertThat(progress).hasSize(3).allSatisfy(p -> assertThat(p.getValue("progressToken")).isEqualTo("tok-stdio"));
    assertThat(result(answer)).contains("Steps: 3");
  }

  @Test
  void progressIsRelayedFromAnSseBackend() {
    McpTestClient client = client(new JsonObject());

    Streamed answer = client.streamRequest("tools/call", longRun("legacy", 2, "tok-sse"), null).await();

    assertThat(progress(answer)).hasSize(2).allSatisfy(p -> assertThat(p.getValue("progressToken"))
      .isEqualTo("tok-sse"));
    assertThat(result(answer)).contains("Steps: 2");
  }

  @Test
  void samplingIsRelayedThroughAStdioBackend() {
    McpTestClient client = client(new JsonObject().put("sampling", new JsonObject()));

    Streamed answer = client.streamRequest("tools/call", new JsonObject().put("name",
      "everything_trigger-sampling-request").put("arguments", new JsonObject().put("prompt", "hi").put("maxTokens", 5)),
      event -> {
        if (event.hasData() && "sampling/createMessage".equals(event.json().getString("method"))) {
          client.request().body(new JsonObject().put("jsonrpc", "2.0").put("id", event.json().getValue("id"))
            .put("result", new JsonObject().put("role", "assistant").put("model", "test-model")
              .put("content", new JsonObject().put("type", "text").put("text", "forty-two")))).send();
        }
      }).await();

    assertThat(result(answer)).contains("forty-two").contains("test-model");
  }

  @Test
  void samplingIsRelayedThroughAnSseBackend() {
    McpTestClient client = client(new JsonObject().put("sampling", new JsonObject()));

    Streamed answer = client.streamRequest("tools/call", new JsonObject().put("name",
      "legacy_trigger-sampling-request").put("arguments", new JsonObject().put("prompt", "hi").put("maxTokens", 5)),
      event -> answerSampling(client, event, "over-sse")).await();

    assertThat(result(answer)).contains("over-sse");
  }

  @Test
  void elicitationIsRelayedThroughAStdioBackend() {
    McpTestClient client = client(new JsonObject().put("elicitation", new JsonObject()));

    Streamed answer = client.streamRequest("tools/call", new JsonObject().put("name",
      "everything_trigger-elicitation-request").put("arguments", new JsonObject()), event -> {
        if (event.hasData() && "elicitation/create".equals(event.json().getString("method"))) {
          client.request().body(new JsonObject().put("jsonrpc", "2.0").put("id", event.json().getValue("id"))
            .put("result", new JsonObject().put("action", "accept")
              .put("content", new JsonObject().put("name", "Switchboard")))).send();
        }
      }).await();

    assertThat(result(answer)).contains("User provided the requested information");
  }

  @Test
  void clientWithoutSamplingGetsAToolErrorNotAnotherSessionsSamplingRequest() {
    McpTestClient plain = client(new JsonObject());

    JsonObject result = plain.callTool("everything_trigger-sampling-request", new JsonObject().put("prompt", "hi")
      .put("maxTokens", 5)).await().result();

    assertThat(result.getBoolean("isError")).isTrue();
    assertThat(result.getJsonArray("content").getJsonObject(0).getString("text")).contains("sampling");
  }

  private static void answerSampling(McpTestClient client, StreamEvent event, String text) {
    if (event.hasData() && "sampling/createMessage".equals(event.json().getString("method"))) {
      client.request().body(new JsonObject().put("jsonrpc", "2.0").put("id", event.json().getValue("id"))
        .put("result", new JsonObject().put("role", "assistant").put("model", "test-model")
          .put("content", new JsonObject().put("type", "text").put("text", text)))).send();
    }
  }

  @Test
  void twoSessionsSharingOneProcessSeeOnlyTheirOwnProgressAndAnswers() {
    McpTestClient first = client(new JsonObject());
    McpTestClient second = client(new JsonObject());

    Future<Streamed> three = first.streamRequest("tools/call", longRun("everything", 3, "same-token"), null);
    Future<Streamed> five = second.streamRequest("tools/call", longRun("everything", 5, "same-token"), null);
    Streamed a = three.await();
    Streamed b = five.await();

    assertThat(progress(a)).hasSize(3).allSatisfy(p -> assertThat(p.getInteger("total")).isEqualTo(3));
    assertThat(progress(b)).hasSize(5).allSatisfy(p -> assertThat(p.getInteger("total")).isEqualTo(5));
    assertThat(result(a)).contains("Steps: 3");
    assertThat(result(b)).contains("Steps: 5");
  }

  private static JsonObject longRun(String backend, int steps, String token) {
    return new JsonObject().put("name", backend + "_trigger-long-running-operation")
      .put("arguments", new JsonObject().put("duration", steps * 0.2).put("steps", steps))
      .put("_meta", new JsonObject().put("progressToken", token));
  }

  private static List<JsonObject> progress(Streamed answer) {
    return answer.messages().stream().filter(m -> "notifications/progress".equals(m.getString("method")))
      .map(m -> m.getJsonObject("params")).toList();
  }

  private static String result(Streamed answer) {
    List<JsonObject> messages = answer.messages().isEmpty() ? List.of(answer.body().toJsonObject())
      : answer.messages();
    JsonObject last = messages.get(messages.size() - 1);
    JsonArray content = last.getJsonObject("result").getJsonArray("content");
    return content.getJsonObject(0).getString("text");
  }
}
