package dev.switchboard.transport.kit;

import dev.switchboard.core.protocol.McpException;
import dev.switchboard.core.protocol.Results;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The server used by the kit's tests: one tool per behaviour under test, a resource, a template and a prompt. */
final class TestServers {
  static final AtomicInteger CANCELLED = new AtomicInteger();

  private TestServers() {
  }

  static JsonObject tool(String name, JsonObject properties, String... required) {
    return new JsonObject().put("name", name).put("description", "test tool " + name)
      .put("inputSchema", new JsonObject().put("type", "object").put("properties", properties)
        .put("required", new JsonArray(List.of((Object[]) required))));
  }

  static JsonObject textProperty() {
    return new JsonObject().put("text", new JsonObject().put("type", "string"));
  }

  static McpServerBuilder builder() {
    return McpServer.builder("test-server", "1.0.0")
      .instructions("A server for tests")
      .tool(tool("echo", textProperty(), "text"),
        (ctx, args) -> Future.succeededFuture(Results.text(args.getString("text", ""))))
      .tool(tool("progress", new JsonObject()), (ctx, args) -> ctx.progress(1, 2.0, "half")
        .compose(v -> ctx.progress(2, 2.0, "done"))
        .map(v -> Results.text("progressed")))
      .tool(tool("sample", new JsonObject().put("prompt", new JsonObject().put("type", "string")), "prompt"),
        (ctx, args) -> ctx.request("sampling/createMessage", new JsonObject()
            .put("messages", new JsonArray().add(new JsonObject().put("role", "user")
              .put("content", Results.textBlock(args.getString("prompt")))))
            .put("maxTokens", 100))
          .map(answer -> Results.text("LLM said: " + answer.getJsonObject("content").getString("text"))))
      .tool(tool("log", new JsonObject()), (ctx, args) -> ctx.log("debug", "debug line")
        .compose(v -> ctx.log("info", "info line"))
        .compose(v -> ctx.log("error", new JsonObject().put("detail", "error line")))
        .map(v -> Results.text("logged")))
      .tool(tool("fail", new JsonObject()), (ctx, args) -> {
        throw new IllegalStateException("boom");
      })
      .tool(tool("protocol_error", new JsonObject()),
        (ctx, args) -> Future.failedFuture(McpException.invalidParams("bad input")))
      .tool(tool("hang", new JsonObject()), (ctx, args) -> {
        Promise<JsonObject> never = Promise.promise();
        ctx.onCancel(v -> CANCELLED.incrementAndGet());
        return never.future();
      })
      .resource(new JsonObject().put("uri", "test://static").put("name", "static").put("mimeType", "text/plain"),
        (ctx, uri, vars) -> Future.succeededFuture(contents(uri, "static text")))
      .resourceTemplate(new JsonObject().put("uriTemplate", "test://items/{id}").put("name", "item"),
        (ctx, uri, vars) -> Future.succeededFuture(contents(uri, "item " + vars.get("id"))))
      .prompt(new JsonObject().put("name", "greet").put("description", "Greets")
          .put("arguments", new JsonArray().add(new JsonObject().put("name", "name").put("required", true))),
        (ctx, args) -> Future.succeededFuture(new JsonObject().put("messages", new JsonArray()
          .add(new JsonObject().put("role", "user").put("content", Results.textBlock("Hello " + args.getString("name")))))))
      .completion((ctx, request) -> Future.succeededFuture(
        List.of("alice", "albert", "bob").stream().filter(v -> v.startsWith(request.argumentValue())).toList()));
  }

  static JsonObject contents(String uri, String text) {
    return new JsonObject().put("contents", new JsonArray()
      .add(new JsonObject().put("uri", uri).put("mimeType", "text/plain").put("text", text)));
  }
}
