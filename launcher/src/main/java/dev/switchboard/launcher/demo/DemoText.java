package dev.switchboard.launcher.demo;

import dev.switchboard.core.protocol.Results;
import dev.switchboard.transport.kit.McpServer;
import dev.switchboard.transport.kit.RequestContext;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Set;

/**
 * {@code demo-text}: tools {@code echo} (its name clashes with demo-math's on purpose), {@code upper},
 * {@code word_count} and {@code slow_echo} (progress every second), the resource {@code demo://text/readme}, the
 * template {@code demo://text/words/{word}} and the prompt {@code summarize(text)}.
 */
public final class DemoText {
  public static final String NAME = "demo-text";
  public static final String README_URI = "demo://text/readme";
  static final int MAX_SLOW_SECONDS = 30;
  private static final Set<String> TEXT = Set.of("text");
  private static final String README = """
    demo-text is a demo MCP backend of the Switchboard gateway.
    Tools: echo, upper, word_count, slow_echo (sends progress once a second).
    Resources: this readme and demo://text/words/{word}.
    """;

  private DemoText() {
  }

  public static McpServer server() {
    JsonObject textOnly = Schemas.object(new JsonObject().put("text", Schemas.property("string", "Input text")));
    return McpServer.builder(NAME, "1.0.0")
      .title("Demo text")
      .instructions("Text tools for trying out the gateway.")
      .tool(Schemas.tool("echo", "Echo", "Returns the text unchanged", textOnly.copy()),
        (ctx, args) -> Future.succeededFuture(Results.text(text(args))))
      .tool(Schemas.tool("upper", "Upper case", "Returns the text in upper case", textOnly.copy()),
        (ctx, args) -> Future.succeededFuture(Results.text(text(args).toUpperCase(Locale.ROOT))))
      .tool(Schemas.tool("word_count", "Word count", "Counts the words of the text", textOnly.copy()),
        (ctx, args) -> Future.succeededFuture(Results.text(String.valueOf(wordCount(text(args))))))
      .tool(Schemas.tool("slow_echo", "Slow echo",
          "Echoes the text after the given number of seconds, reporting progress every second",
          Schemas.object(new JsonObject().put("text", Schemas.property("string", "Text to echo"))
            .put("seconds", Schemas.property("integer", "Delay in seconds (0-" + MAX_SLOW_SECONDS + ")")
              .put("minimum", 0).put("maximum", MAX_SLOW_SECONDS)))),
        DemoText::slowEcho)
      .resource(new JsonObject().put("uri", README_URI).put("name", "readme").put("title", "demo-text readme")
          .put("description", "What this backend offers").put("mimeType", "text/plain"),
        (ctx, uri, vars) -> Future.succeededFuture(contents(uri, README)))
      .resourceTemplate(new JsonObject().put("uriTemplate", "demo://text/words/{word}").put("name", "word")
          .put("description", "Facts about one word").put("mimeType", "text/plain"),
        (ctx, uri, vars) -> Future.succeededFuture(contents(uri, wordFacts(vars.get("word")))))
      .prompt(new JsonObject().put("name", "summarize").put("title", "Summarize")
          .put("description", "Asks for a short summary of a text")
          .put("arguments", new JsonArray().add(Schemas.promptArgument("text", "The text to summarize"))),
        (ctx, args) -> Future.succeededFuture(new JsonObject().put("messages", new JsonArray()
          .add(Schemas.userMessage("Summarize the following text in one sentence:\n\n" + args.getString("text"))))))
      .build();
  }

  private static String text(JsonObject args) {
    Arguments.only(args, TEXT);
    return Arguments.string(args, "text");
  }

  static int wordCount(String text) {
    String trimmed = text.strip();
    return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
  }

  /** Ticks once a second, sending progress {@code i} of {@code seconds}, then echoes; stops when cancelled. */
  private static Future<JsonObject> slowEcho(RequestContext ctx, JsonObject args) {
    Arguments.only(args, Set.of("text", "seconds"));
    String text = Arguments.string(args, "text");
    long seconds = Arguments.integer(args, "seconds", 0, MAX_SLOW_SECONDS);
    if (seconds == 0) {
      return Future.succeededFuture(Results.text(text));
    }
    Promise<JsonObject> promise = Promise.promise();
    long[] elapsed = {0};
    long timer = ctx.vertx().setPeriodic(1_000, id -> {
      elapsed[0]++;
      ctx.progress(elapsed[0], (double) seconds, elapsed[0] + " of " + seconds + " s");
      if (elapsed[0] >= seconds) {
        ctx.vertx().cancelTimer(id);
        promise.tryComplete(Results.text(text));
      }
    });
    ctx.onCancel(v -> {
      ctx.vertx().cancelTimer(timer);
      promise.tryFail("cancelled");
    });
    return promise.future();
  }

  private static String wordFacts(String word) {
    return "word: " + word + "\nletters: " + word.codePointCount(0, word.length())
      + "\nupper: " + word.toUpperCase(Locale.ROOT)
      + "\nreversed: " + new StringBuilder(word).reverse() + "\n";
  }

  private static JsonObject contents(String uri, String text) {
    return new JsonObject().put("contents", new JsonArray()
      .add(new JsonObject().put("uri", uri).put("mimeType", "text/plain").put("text", text)));
  }
}
