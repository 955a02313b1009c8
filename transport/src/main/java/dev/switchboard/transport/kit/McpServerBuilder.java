package dev.switchboard.transport.kit;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Collects what an {@link McpServer} offers. Definitions are MCP objects as they appear in the list results
 * ({@code Tool}, {@code Resource}, {@code ResourceTemplate}, {@code Prompt}) and are validated here: a bad one fails
 * at {@link #build()} time, not on the wire.
 */
public final class McpServerBuilder {
  private static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

  private final String name;
  private final String version;
  private String title;
  private String instructions;
  private final Map<String, Registered<ToolHandler>> tools = new LinkedHashMap<>();
  private final Map<String, Registered<ResourceHandler>> resources = new LinkedHashMap<>();
  private final List<RegisteredTemplate> templates = new ArrayList<>();
  private final Map<String, Registered<PromptHandler>> prompts = new LinkedHashMap<>();
  private CompletionHandler completion;
  private McpServerOptions options = new McpServerOptions();

  McpServerBuilder(String name, String version) {
    this.name = Objects.requireNonNull(name, "name");
    this.version = Objects.requireNonNull(version, "version");
  }

  public McpServerBuilder title(String title) {
    this.title = title;
    return this;
  }

  public McpServerBuilder instructions(String instructions) {
    this.instructions = instructions;
    return this;
  }

  /**
   * A tool: {@code name} (1-128 of {@code [A-Za-z0-9_.-]}) is required; a missing {@code inputSchema} becomes
   * {@code {"type":"object","additionalProperties":false}}.
   */
  public McpServerBuilder tool(JsonObject definition, ToolHandler handler) {
    JsonObject def = definition.copy();
    String toolName = def.getString("name");
    if (toolName == null || !TOOL_NAME.matcher(toolName).matches()) {
      throw new IllegalArgumentException("Tool name must be 1-128 characters of [A-Za-z0-9_.-]: " + toolName);
    }
    Object schema = def.getValue("inputSchema");
    if (schema == null) {
      def.put("inputSchema", new JsonObject().put("type", "object").put("additionalProperties", false));
    } else if (!(schema instanceof JsonObject)) {
      throw new IllegalArgumentException("Tool " + toolName + ": inputSchema must be a JSON object");
    }
    if (def.containsKey("outputSchema") && !"object".equals(def.getJsonObject("outputSchema").getString("type"))) {
      throw new IllegalArgumentException("Tool " + toolName + ": outputSchema must have type object");
    }
    putUnique(tools, toolName, new Registered<>(toolName, def, Objects.requireNonNull(handler)), "tool");
    return this;
  }

  /** A static resource: {@code uri} and {@code name} are required. */
  public McpServerBuilder resource(JsonObject definition, ResourceHandler handler) {
    JsonObject def = definition.copy();
    String uri = required(def, "uri", "resource");
    required(def, "name", "resource " + uri);
    putUnique(resources, uri, new Registered<>(uri, def, Objects.requireNonNull(handler)), "resource");
    return this;
  }

  /** A resource template: {@code uriTemplate} (RFC 6570 {@code {var}} / {@code {+var}}) and {@code name}. */
  public McpServerBuilder resourceTemplate(JsonObject definition, ResourceHandler handler) {
    JsonObject def = definition.copy();
    String template = required(def, "uriTemplate", "resource template");
    required(def, "name", "resource template " + template);
    templates.add(new RegisteredTemplate(new UriTemplate(template), def, Objects.requireNonNull(handler)));
    return this;
  }

  /** A prompt: {@code name} is required; {@code arguments[].required} are enforced on {@code prompts/get}. */
  public McpServerBuilder prompt(JsonObject definition, PromptHandler handler) {
    JsonObject def = definition.copy();
    String promptName = required(def, "name", "prompt");
    putUnique(prompts, promptName, new Registered<>(promptName, def, Objects.requireNonNull(handler)), "prompt");
    return this;
  }

  /** Enables {@code completion/complete} and declares the {@code completions} capability. */
  public McpServerBuilder completion(CompletionHandler handler) {
    this.completion = Objects.requireNonNull(handler);
    return this;
  }

  /** Whether {@code resources/subscribe} is offered (default true). */
  public McpServerBuilder subscriptions(boolean enabled) {
    options.setSubscriptions(enabled);
    return this;
  }

  /** Items per page of the list methods (0, the default: no paging). */
  public McpServerBuilder pageSize(int size) {
    options.setPageSize(size);
    return this;
  }

  /** Answer every request as {@code text/event-stream} instead of plain JSON when nothing else is sent. */
  public McpServerBuilder alwaysSse(boolean always) {
    options.setAlwaysSse(always);
    return this;
  }

  /** Replaces all options at once (copied). */
  public McpServerBuilder options(McpServerOptions newOptions) {
    this.options = new McpServerOptions(newOptions);
    return this;
  }

  /** The options being built, to adjust other tunables in place. */
  public McpServerOptions options() {
    return options;
  }

  public McpServer build() {
    return new McpServer(name, version, title, instructions, tools, resources, templates, prompts, completion,
      new McpServerOptions(options));
  }

  private static String required(JsonObject def, String field, String what) {
    Object value = def.getValue(field);
    if (!(value instanceof String text) || text.isEmpty()) {
      throw new IllegalArgumentException("A " + what + " needs a string '" + field + "'");
    }
    return text;
  }

  private static <V> void putUnique(Map<String, V> map, String key, V value, String what) {
    if (map.putIfAbsent(key, value) != null) {
      throw new IllegalArgumentException("Duplicate " + what + ": " + key);
    }
  }
}
