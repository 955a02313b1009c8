package dev.switchboard.transport.kit;

import dev.switchboard.core.protocol.McpException;
import dev.switchboard.core.protocol.McpMethod;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code completion/complete}: validates the reference (a registered prompt, or a registered resource or template
 * URI) and the argument, asks the {@link CompletionHandler}, and keeps at most 100 values.
 */
final class CompletionFeature {
  static final int MAX_VALUES = 100;
  private final McpServer server;

  CompletionFeature(McpServer server) {
    this.server = server;
  }

  void register(Map<String, MethodHandler> routes) {
    routes.put(McpMethod.COMPLETION_COMPLETE, this::complete);
  }

  private Future<JsonObject> complete(InboundCall call) {
    JsonObject ref = ParamReader.requiredObject(call.params(), "ref");
    String type = ParamReader.requiredString(ref, "type");
    String target;
    if (CompletionRequest.REF_PROMPT.equals(type)) {
      target = ParamReader.requiredString(ref, "name");
      if (!server.prompts().containsKey(target)) {
        throw McpException.invalidParams("Unknown prompt: " + target);
      }
    } else if (CompletionRequest.REF_RESOURCE.equals(type)) {
      target = ParamReader.requiredString(ref, "uri");
      boolean known = server.resources().containsKey(target)
        || server.templates().stream().anyMatch(t -> t.template().template().equals(target));
      if (!known) {
        throw McpException.invalidParams("Unknown resource: " + target);
      }
    } else {
      throw McpException.invalidParams("Unknown reference type: " + type);
    }
    JsonObject argument = ParamReader.requiredObject(call.params(), "argument");
    String argumentName = ParamReader.requiredString(argument, "name");
    String argumentValue = ParamReader.requiredString(argument, "value");
    JsonObject contextArguments = ParamReader.optionalObject(ParamReader.optionalObject(call.params(), "context"), "arguments");
    CompletionRequest request = new CompletionRequest(type, target, argumentName, argumentValue, contextArguments);
    return server.completion().complete(call, request).map(CompletionFeature::result);
  }

  private static JsonObject result(List<String> values) {
    List<String> all = values == null ? List.of() : values;
    List<String> first = all.size() > MAX_VALUES ? all.subList(0, MAX_VALUES) : all;
    JsonObject completion = new JsonObject()
      .put("values", new JsonArray(new ArrayList<>(first)))
      .put("total", all.size())
      .put("hasMore", all.size() > MAX_VALUES);
    return new JsonObject().put("completion", completion);
  }
}
