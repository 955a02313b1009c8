package dev.switchboard.transport.kit;

import dev.switchboard.core.protocol.McpException;
import dev.switchboard.core.protocol.McpMethod;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * {@code prompts/list} and {@code prompts/get}. An unknown prompt, a missing required argument or a non-string
 * argument value is {@code -32602}.
 */
final class PromptFeature {
  private final Map<String, Registered<PromptHandler>> prompts;
  private final List<JsonObject> definitions;
  private final int pageSize;

  PromptFeature(Map<String, Registered<PromptHandler>> prompts, int pageSize) {
    this.prompts = prompts;
    this.definitions = prompts.values().stream().map(Registered::definition).toList();
    this.pageSize = pageSize;
  }

  void register(Map<String, MethodHandler> routes) {
    routes.put(McpMethod.PROMPTS_LIST,
      call -> Future.succeededFuture(Pagination.page(definitions, call.params(), pageSize, "prompts")));
    routes.put(McpMethod.PROMPTS_GET, this::get);
  }

  private Future<JsonObject> get(InboundCall call) {
    String name = ParamReader.requiredString(call.params(), "name");
    Registered<PromptHandler> prompt = prompts.get(name);
    if (prompt == null) {
      return Future.failedFuture(McpException.invalidParams("Unknown prompt: " + name));
    }
    JsonObject arguments = ParamReader.optionalObject(call.params(), "arguments");
    for (Map.Entry<String, Object> argument : arguments) {
      if (!(argument.getValue() instanceof String)) {
        return Future.failedFuture(McpException.invalidParams("Argument '" + argument.getKey() + "' must be a string"));
      }
    }
    Object declared = prompt.definition().getValue("arguments");
    if (declared instanceof JsonArray list) {
      for (Object item : list) {
        if (item instanceof JsonObject arg && arg.getBoolean("required", false)
          && !arguments.containsKey(arg.getString("name"))) {
          return Future.failedFuture(McpException.invalidParams("Missing required argument: " + arg.getString("name")));
        }
      }
    }
    return prompt.handler().get(call, arguments);
  }
}
