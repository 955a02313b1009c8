package dev.switchboard.it.streaming;

import dev.switchboard.core.protocol.Results;
import dev.switchboard.it.TestBackends;
import dev.switchboard.transport.kit.McpServer;
import dev.switchboard.transport.kit.McpServerBuilder;
import dev.switchboard.transport.kit.RequestContext;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicInteger;

/** A backend whose tools stream: progress, log messages, sampling, a tool that waits to be cancelled. */
final class StreamingBackend {
  final AtomicInteger cancellations = new AtomicInteger();

  McpServerBuilder builder() {
    McpServerBuilder builder = McpServer.builder("streamer", "1.0.0");
    builder.tool(TestBackends.textTool("progress", "three progress steps, 50 ms apart"), (ctx, args) -> steps(ctx, 1));
    builder.tool(TestBackends.textTool("logs", "one log message per level"), (ctx, args) -> Future.all(
        ctx.log("debug", "d"), ctx.log("info", "i"), ctx.log("warning", "w"), ctx.log("error", "e"))
      .map(v -> Results.text("logged")));
    builder.tool(TestBackends.textTool("sample", "asks the client's model"), (ctx, args) -> ctx.request(
        "sampling/createMessage", new JsonObject()
          .put("messages", new JsonArray().add(new JsonObject().put("role", "user")
            .put("content", Results.textBlock(args.getString("text", "hi")))))
          .put("maxTokens", 100))
      .map(answer -> Results.text("model said: " + answer.getJsonObject("content").getString("text"))));
    builder.tool(TestBackends.textTool("wait_cancel", "waits until cancelled (at most 5 s)"), (ctx, args) -> {
      Promise<JsonObject> result = Promise.promise();
      ctx.onCancel(v -> cancellations.incrementAndGet());
      ctx.progress(0, null, "started");
      ctx.vertx().setTimer(5000, id -> result.tryComplete(Results.text("not cancelled")));
      return result.future();
    });
    builder.resource(new JsonObject().put("uri", "test://watched").put("name", "watched"),
      (ctx, uri, vars) -> Future.succeededFuture(new JsonObject().put("contents", new JsonArray()
        .add(new JsonObject().put("uri", uri).put("text", "now")))));
    builder.resource(new JsonObject().put("uri", "test://unwatched").put("name", "unwatched"),
      (ctx, uri, vars) -> Future.succeededFuture(new JsonObject().put("contents", new JsonArray()
        .add(new JsonObject().put("uri", uri).put("text", "now")))));
    return builder;
  }

  /** Sends progress step, step+1, ... 3 of 3, 50 ms apart, then answers. */
  private static Future<JsonObject> steps(RequestContext ctx, int step) {
    return ctx.progress(step, 3.0, "step " + step).compose(v -> {
      if (step == 3) {
        return Future.succeededFuture(Results.text("done"));
      }
      Promise<Void> later = Promise.promise();
      ctx.vertx().setTimer(50, id -> later.complete());
      return later.future().compose(w -> steps(ctx, step + 1));
    });
  }
}
