package dev.switchboard.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.transport.kit.RunningServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts the demo backends and talks to them with the official MCP Java SDK client (a third-party client of the
 * server kit). The SDK's Jackson 3 needs jackson-annotations 2.20 or later: the launcher pom puts it on the test
 * classpath.
 */
@ExtendWith(VertxExtension.class)
class DemoBackendsSdkInteropTest {
  private List<RunningServer> servers;
  private final List<McpSyncClient> clients = new CopyOnWriteArrayList<>();
  private final List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    servers = DemoBackends.start(vertx).await(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    clients.forEach(McpSyncClient::close);
    Future.join(servers.stream().map(RunningServer::close).toList()).await(10, TimeUnit.SECONDS);
  }

  private McpSyncClient connect(RunningServer server) {
    HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
      .builder("http://127.0.0.1:" + server.port()).endpoint("/mcp").build();
    McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(10))
      .progressConsumer(progress::add).build();
    clients.add(client);
    client.initialize();
    return client;
  }

  private static String text(McpSchema.CallToolResult result) {
    return ((McpSchema.TextContent) result.content().get(0)).text();
  }

  private static List<String> toolNames(McpSyncClient client) {
    return client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
  }

  @Test
  void bothStartOnLoopbackEphemeralPorts() {
    assertThat(servers).hasSize(2);
    assertThat(servers).allSatisfy(s -> assertThat(s.url()).startsWith("http://127.0.0.1:").endsWith("/mcp"));
    assertThat(servers.get(0).port()).isNotEqualTo(servers.get(1).port()).isPositive();
  }

  @Test
  void mathAnswersToolCallsWithStructuredContent() {
    McpSyncClient math = connect(servers.get(0));
    assertThat(math.getServerInfo().name()).isEqualTo(DemoMath.NAME);
    assertThat(toolNames(math)).containsExactly("add", "multiply", "echo");

    McpSchema.CallToolResult sum = math.callTool(new McpSchema.CallToolRequest("add", Map.of("a", 2, "b", 3)));
    assertThat(sum.isError()).isNotEqualTo(Boolean.TRUE);
    assertThat(sum.structuredContent()).isEqualTo(Map.of("result", 5));
    assertThat(text(sum)).isEqualTo("{\"result\":5}");
    assertThat(text(math.callTool(new McpSchema.CallToolRequest("multiply", Map.of("a", 1.5, "b", 4)))))
      .isEqualTo("6");
  }

  @Test
  void missingOrMistypedArgumentsAreToolErrors() {
    McpSyncClient math = connect(servers.get(0));

    McpSchema.CallToolResult missing = math.callTool(new McpSchema.CallToolRequest("add", Map.of("a", 1)));
    assertThat(missing.isError()).isTrue();
    assertThat(text(missing)).isEqualTo("Missing required argument 'b' (number)");

    McpSchema.CallToolResult mistyped = math.callTool(
      new McpSchema.CallToolRequest("multiply", Map.of("a", "two", "b", 2)));
    assertThat(mistyped.isError()).isTrue();
    assertThat(text(mistyped)).isEqualTo("Argument 'a' must be a number, got string");
  }

  @Test
  void textAnswersToolCalls() {
    McpSyncClient text = connect(servers.get(1));
    assertThat(text.getServerInfo().name()).isEqualTo(DemoText.NAME);
    assertThat(toolNames(text)).containsExactly("echo", "upper", "word_count", "slow_echo");

    assertThat(text(text.callTool(new McpSchema.CallToolRequest("upper", Map.of("text", "abc"))))).isEqualTo("ABC");
    assertThat(text(text.callTool(new McpSchema.CallToolRequest("word_count", Map.of("text", " one two\tthree ")))))
      .isEqualTo("3");
    McpSchema.CallToolResult extra = text.callTool(new McpSchema.CallToolRequest("echo", Map.of("text", "x", "y", 1)));
    assertThat(extra.isError()).isTrue();
  }

  @Test
  void slowEchoReportsProgressEverySecond() {
    McpSyncClient text = connect(servers.get(1));

    McpSchema.CallToolResult result = text.callTool(McpSchema.CallToolRequest.builder().name("slow_echo")
      .arguments(Map.of("text", "later", "seconds", 2)).progressToken("slow-1").build());

    assertThat(text(result)).isEqualTo("later");
    // the SDK hands progress to its consumer on another thread: it may trail the result a little
    for (int i = 0; i < 100 && progress.size() < 2; i++) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    assertThat(progress).extracting(McpSchema.ProgressNotification::progress).containsExactly(1.0, 2.0);
    assertThat(progress).allSatisfy(p -> {
      assertThat(p.progressToken()).isEqualTo("slow-1");
      assertThat(p.total()).isEqualTo(2.0);
    });
  }

  @Test
  void textServesResourcesAndPrompt() {
    McpSyncClient text = connect(servers.get(1));

    McpSchema.ReadResourceResult readme = text.readResource(new McpSchema.ReadResourceRequest(DemoText.README_URI));
    assertThat(((McpSchema.TextResourceContents) readme.contents().get(0)).text()).contains("demo-text");
    McpSchema.ReadResourceResult word = text.readResource(new McpSchema.ReadResourceRequest("demo://text/words/gateway"));
    assertThat(((McpSchema.TextResourceContents) word.contents().get(0)).text()).contains("letters: 7");
    assertThat(text.listResourceTemplates().resourceTemplates()).hasSize(1);

    McpSchema.GetPromptResult prompt = text.getPrompt(new McpSchema.GetPromptRequest("summarize", Map.of("text", "t")));
    assertThat(((McpSchema.TextContent) prompt.messages().get(0).content()).text()).startsWith("Summarize");
  }

  @Test
  void mathCompletesThePromptArgument() {
    McpSyncClient math = connect(servers.get(0));

    McpSchema.CompleteResult result = math.completeCompletion(new McpSchema.CompleteRequest(
      new McpSchema.PromptReference("explain_math"), new McpSchema.CompleteRequest.CompleteArgument("expression", "2")));

    assertThat(result.completion().values()).containsExactly("2 * 3", "2 ^ 10");
  }
}
