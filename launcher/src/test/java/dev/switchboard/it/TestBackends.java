package dev.switchboard.it;

import dev.switchboard.core.protocol.Results;
import dev.switchboard.transport.kit.McpServer;
import dev.switchboard.transport.kit.McpServerBuilder;
import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Real MCP backends on loopback, built on the project's server kit, whose answers say who answered. */
public final class TestBackends {
  private TestBackends() {
  }

  /** A tool definition taking one string argument {@code text}. */
  public static JsonObject textTool(String name, String description) {
    return new JsonObject().put("name", name).put("description", description)
      .put("inputSchema", new JsonObject().put("type", "object")
        .put("properties", new JsonObject().put("text", new JsonObject().put("type", "string")))
        .put("required", new JsonArray().add("text")));
  }

  /**
   * A backend whose tools answer {@code "<backend>/<tool>: <text>"}, with a prompt {@code <backend>_prompt} and a
   * resource {@code test://<backend>/readme}. A tool named {@code slow} waits {@code delayMs} before answering.
   */
  public static McpServerBuilder named(String backend, long delayMs, String... tools) {
    McpServerBuilder builder = McpServer.builder(backend, "1.0.0");
    for (String tool : tools) {
      builder.tool(textTool(tool, tool + " of " + backend), (ctx, args) -> {
        String answer = backend + "/" + tool + ": " + args.getString("text", "");
        if (!"slow".equals(tool)) {
          return Future.succeededFuture(Results.text(answer));
        }
        Promise<JsonObject> later = Promise.promise();
        ctx.vertx().setTimer(delayMs, id -> later.tryComplete(Results.text(answer)));
        return later.future();
      });
    }
    builder.prompt(new JsonObject().put("name", backend + "_prompt").put("description", "prompt of " + backend)
        .put("arguments", new JsonArray().add(new JsonObject().put("name", "topic").put("required", false))),
      (ctx, args) -> Future.succeededFuture(new JsonObject().put("messages", new JsonArray().add(new JsonObject()
        .put("role", "user").put("content", Results.textBlock(backend + " prompt about "
          + args.getString("topic", "nothing")))))));
    String uri = "test://" + backend + "/readme";
    builder.resource(new JsonObject().put("uri", uri).put("name", backend + "-readme").put("mimeType", "text/plain"),
      (ctx, u, vars) -> Future.succeededFuture(new JsonObject().put("contents", new JsonArray().add(new JsonObject()
        .put("uri", u).put("mimeType", "text/plain").put("text", "readme of " + backend)))));
    return builder;
  }

  public static Future<RunningServer> start(Vertx vertx, McpServerBuilder builder) {
    return builder.build().listen(vertx, "127.0.0.1", 0, "/mcp");
  }
}
