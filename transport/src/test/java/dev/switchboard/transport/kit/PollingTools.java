package dev.switchboard.transport.kit;

import dev.switchboard.core.protocol.Results;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Tools that close their POST stream for polling, added to the test server by the resumability tests. */
final class PollingTools {
  private PollingTools() {
  }

  /**
   * {@code poll}: logs "before", closes the stream, logs "after" 50 ms later and answers "polled true|false" (whether
   * the close was allowed); {@code poll_then_sample}: closes the stream, then asks the client for sampling.
   */
  static McpServerBuilder add(McpServerBuilder builder) {
    return builder
      .tool(TestServers.tool("poll", new JsonObject()), (ctx, args) -> {
        Promise<JsonObject> result = Promise.promise();
        ctx.log("info", "before").onComplete(v -> {
          boolean closed = ctx.closeStreamForPolling();
          ctx.vertx().setTimer(50, t -> ctx.log("info", "after")
            .onComplete(w -> result.complete(Results.text("polled " + closed))));
        });
        return result.future();
      })
      .tool(TestServers.tool("poll_then_sample", new JsonObject()), (ctx, args) -> {
        ctx.closeStreamForPolling();
        return ctx.request("sampling/createMessage", new JsonObject()
            .put("messages", new JsonArray().add(new JsonObject().put("role", "user")
              .put("content", Results.textBlock("after polling"))))
            .put("maxTokens", 10))
          .map(answer -> Results.text("sampled " + answer.getJsonObject("content").getString("text")));
      });
  }
}
