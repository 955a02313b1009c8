package dev.switchboard.transport.kit;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An MCP server definition: identity, tools, resources, templates, prompts, completion and options. It is immutable
 * and may be started several times with {@link #listen}. Build one with {@link #builder(String, String)}:
 * <pre>{@code
 * McpServer.builder("demo", "1.0.0")
 *   .tool(new JsonObject().put("name", "echo").put("inputSchema", schema), (ctx, args) -> ...)
 *   .build()
 *   .listen(vertx, "127.0.0.1", 0, "/mcp");
 * }</pre>
 */
public final class McpServer {
  private final JsonObject serverInfo;
  private final String instructions;
  private final Map<String, Registered<ToolHandler>> tools;
  private final Map<String, Registered<ResourceHandler>> resources;
  private final List<RegisteredTemplate> templates;
  private final Map<String, Registered<PromptHandler>> prompts;
  private final CompletionHandler completion;
  private final McpServerOptions options;

  McpServer(String name, String version, String title, String instructions,
            Map<String, Registered<ToolHandler>> tools, Map<String, Registered<ResourceHandler>> resources,
            List<RegisteredTemplate> templates, Map<String, Registered<PromptHandler>> prompts,
            CompletionHandler completion, McpServerOptions options) {
    this.serverInfo = new JsonObject().put("name", name).put("version", version);
    if (title != null) {
      serverInfo.put("title", title);
    }
    this.instructions = instructions;
    this.tools = new LinkedHashMap<>(tools);
    this.resources = new LinkedHashMap<>(resources);
    this.templates = new ArrayList<>(templates);
    this.prompts = new LinkedHashMap<>(prompts);
    this.completion = completion;
    this.options = options;
  }

  public static McpServerBuilder builder(String name, String version) {
    return new McpServerBuilder(name, version);
  }

  /**
   * Starts listening on {@code host:port} (0 picks a free port) at {@code path}. The server lives on the event loop of
   * the calling context (a new one when called from outside Vert.x).
   */
  public Future<RunningServer> listen(Vertx vertx, String host, int port, String path) {
    Context context = vertx.getOrCreateContext();
    Promise<RunningServer> promise = Promise.promise();
    context.runOnContext(v -> new ServerRuntime(this, vertx, context, host, path).start(port).onComplete(promise));
    return promise.future();
  }

  public String name() {
    return serverInfo.getString("name");
  }

  public String version() {
    return serverInfo.getString("version");
  }

  /** A copy of the options this server was built with. */
  public McpServerOptions options() {
    return new McpServerOptions(options);
  }

  /** The capabilities declared in {@code initialize}: only what was registered, plus {@code logging}. */
  public JsonObject capabilities() {
    JsonObject caps = new JsonObject().put("logging", new JsonObject());
    if (!tools.isEmpty()) {
      caps.put("tools", new JsonObject().put("listChanged", true));
    }
    if (!resources.isEmpty() || !templates.isEmpty()) {
      caps.put("resources", new JsonObject().put("subscribe", options.isSubscriptions()).put("listChanged", true));
    }
    if (!prompts.isEmpty()) {
      caps.put("prompts", new JsonObject().put("listChanged", true));
    }
    if (completion != null) {
      caps.put("completions", new JsonObject());
    }
    return caps;
  }

  JsonObject initializeResult(String protocolVersion) {
    JsonObject result = new JsonObject()
      .put("protocolVersion", protocolVersion)
      .put("capabilities", capabilities())
      .put("serverInfo", serverInfo.copy());
    if (instructions != null) {
      result.put("instructions", instructions);
    }
    return result;
  }

  McpServerOptions settings() {
    return options;
  }

  Map<String, Registered<ToolHandler>> tools() {
    return tools;
  }

  Map<String, Registered<ResourceHandler>> resources() {
    return resources;
  }

  List<RegisteredTemplate> templates() {
    return templates;
  }

  Map<String, Registered<PromptHandler>> prompts() {
    return prompts;
  }

  CompletionHandler completion() {
    return completion;
  }
}
