package dev.switchboard.transport.kit;

import dev.switchboard.core.protocol.McpException;
import dev.switchboard.core.protocol.McpMethod;
import dev.switchboard.core.protocol.Results;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * {@code tools/list} and {@code tools/call}. An unknown tool is a protocol error ({@code -32602 Unknown tool: X});
 * a handler failure other than {@link McpException} is an execution error: an {@code isError} result.
 */
final class ToolFeature {
  private final Map<String, Registered<ToolHandler>> tools;
  private final List<JsonObject> definitions;
  private final int pageSize;

  ToolFeature(Map<String, Registered<ToolHandler>> tools, int pageSize) {
    this.tools = tools;
    this.definitions = tools.values().stream().map(Registered::definition).toList();
    this.pageSize = pageSize;
  }

  void register(Map<String, MethodHandler> routes) {
    routes.put(McpMethod.TOOLS_LIST,
      call -> Future.succeededFuture(Pagination.page(definitions, call.params(), pageSize, "tools")));
    routes.put(McpMethod.TOOLS_CALL, this::call);
  }

  private Future<JsonObject> call(InboundCall call) {
    String name = ParamReader.requiredString(call.params(), "name");
    Registered<ToolHandler> tool = tools.get(name);
    if (tool == null) {
      return Future.failedFuture(McpException.invalidParams("Unknown tool: " + name));
    }
    JsonObject arguments = ParamReader.optionalObject(call.params(), "arguments");
    Future<JsonObject> result;
    try {
      result = tool.handler().call(call, arguments);
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    if (result == null) {
      result = Future.failedFuture(new IllegalStateException("Tool " + name + " returned no result"));
    }
    return result.recover(err -> err instanceof McpException
      ? Future.failedFuture(err)
      : Future.succeededFuture(Results.toolError(err.getMessage() != null ? err.getMessage() : err.toString())));
  }
}
