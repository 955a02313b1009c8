package dev.switchboard.perf.stub;

import dev.switchboard.core.protocol.McpException;
import dev.switchboard.core.protocol.Results;
import dev.switchboard.transport.kit.McpServer;
import dev.switchboard.transport.kit.McpServerBuilder;
import dev.switchboard.transport.kit.RequestContext;
import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Starts the stub MCP server on the kit. Every tool takes {@code {"seq": integer, "size": integer}} and answers one
 * text block ({@link StubText}) after the configured latency. The server lives on one event loop.
 */
public final class StubBackend {
  /** Payload size when a call names none. */
  public static final int DEFAULT_SIZE = 64;
  private static final int MAX_CACHED_FILLER = 1024 * 1024;

  private final StubOptions options;
  private final String filler;

  private StubBackend(StubOptions options) {
    this.options = options;
    this.filler = StubText.filler(MAX_CACHED_FILLER);
  }

  /** Listens on {@code host} at a free port, path {@code /mcp}. */
  public static Future<RunningServer> start(Vertx vertx, String host, StubOptions options) {
    return start(vertx, host, 0, options);
  }

  /** Listens on {@code host:port} (0: a free port), path {@code /mcp}, on the caller's context. */
  public static Future<RunningServer> start(Vertx vertx, String host, int port, StubOptions options) {
    return new StubBackend(options).server().listen(vertx, host, port, "/mcp");
  }

  private McpServer server() {
    McpServerBuilder builder = McpServer.builder(options.getName(), "1.0.0")
      .instructions("Switchboard perf stub backend");
    JsonObject schema = new JsonObject().put("type", "object").put("properties", new JsonObject()
      .put("seq", new JsonObject().put("type", "integer").put("description", "echoed at the start of the text"))
      .put("size", new JsonObject().put("type", "integer").put("description", "length of the text in characters")));
    for (int i = 0; i < options.getTools(); i++) {
      builder.tool(new JsonObject().put("name", options.toolName(i))
        .put("description", "Perf stub tool " + i + ": returns a text of the requested size")
        .put("inputSchema", schema.copy()), this::call);
    }
    builder.options().setMaxSessions(options.getMaxSessions()).setMaxInflightRequests(100_000);
    return builder.alwaysSse(options.isSse()).build();
  }

  private Future<JsonObject> call(RequestContext ctx, JsonObject args) {
    long seq = args.getValue("seq") instanceof Number n ? n.longValue() : 0;
    int size = args.getValue("size") instanceof Number n ? n.intValue() : DEFAULT_SIZE;
    if (size < 0 || size > StubText.MAX_SIZE) {
      return Future.failedFuture(McpException.invalidParams("size must be 0.." + StubText.MAX_SIZE));
    }
    long delay = options.getLatency().toMillis();
    if (delay <= 0) {
      return Future.succeededFuture(answer(seq, size));
    }
    return ctx.vertx().timer(delay).map(v -> answer(seq, size));
  }

  private JsonObject answer(long seq, int size) {
    String fill = size <= filler.length() ? filler : StubText.filler(size);
    return Results.text(StubText.build(seq, size, fill));
  }
}
