package dev.switchboard.it.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.it.GatewayTestBase;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official MCP Java SDK client (a third party's code) through the gateway to two real backends. The SDK's
 * blocking client runs on the JUnit thread, never on an event loop.
 */
class JavaSdkClientTest extends GatewayTestBase {
  private McpSyncClient sdk;

  @BeforeEach
  void connect() {
    URI url = URI.create(gateway.url());
    var transport = HttpClientStreamableHttpTransport.builder("http://" + url.getHost() + ":" + url.getPort())
      .endpoint(url.getPath()).build();
    sdk = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(10))
      .clientInfo(new McpSchema.Implementation("switchboard-it", "1.0")).build();
  }

  @AfterEach
  void disconnect() {
    sdk.closeGracefully();
  }

  @Test
  void initializesWithTheGateway() {
    McpSchema.InitializeResult result = sdk.initialize();

    assertThat(result.serverInfo().name()).isEqualTo("switchboard");
    assertThat(result.protocolVersion()).isNotBlank();
    assertThat(result.capabilities().tools()).isNotNull();
  }

  @Test
  void listsToolsOfBothBackendsWithPrefixes() {
    sdk.initialize();

    McpSchema.ListToolsResult tools = sdk.listTools();

    assertThat(tools.tools()).extracting(McpSchema.Tool::name)
      .containsExactly("alpha_echo", "alpha_add", "beta_echo", "beta_slow");
    assertThat(tools.tools().get(0).inputSchema()).containsKey("required");
  }

  @Test
  void callsAToolOnEachBackend() {
    sdk.initialize();

    McpSchema.CallToolResult fromAlpha = sdk.callTool(new McpSchema.CallToolRequest("alpha_echo",
      Map.of("text", "via sdk")));
    McpSchema.CallToolResult fromBeta = sdk.callTool(new McpSchema.CallToolRequest("beta_slow",
      Map.of("text", "slowly")));

    assertThat(((McpSchema.TextContent) fromAlpha.content().get(0)).text()).isEqualTo("alpha/echo: via sdk");
    assertThat(((McpSchema.TextContent) fromBeta.content().get(0)).text()).isEqualTo("beta/slow: slowly");
  }

  @Test
  void readsAResourceAndGetsAPrompt() {
    sdk.initialize();

    McpSchema.ReadResourceResult resource = sdk.readResource(new McpSchema.ReadResourceRequest("test://alpha/readme"));
    McpSchema.GetPromptResult prompt = sdk.getPrompt(new McpSchema.GetPromptRequest("alpha_alpha_prompt",
      Map.of("topic", "sdk")));

    assertThat(((McpSchema.TextResourceContents) resource.contents().get(0)).text()).isEqualTo("readme of alpha");
    assertThat(((McpSchema.TextContent) prompt.messages().get(0).content()).text()).isEqualTo("alpha prompt about sdk");
  }

  @Test
  void pingsTheGateway() {
    sdk.initialize();

    assertThat(sdk.ping()).isNotNull();
  }
}
