package dev.switchboard.launcher.demo;

import dev.switchboard.core.protocol.Results;
import dev.switchboard.transport.kit.McpServer;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * {@code demo-math}: tools {@code add} (with an output schema and structured content), {@code multiply} and
 * {@code echo}, the prompt {@code explain_math(expression)} and completion of its argument.
 */
public final class DemoMath {
  public static final String NAME = "demo-math";
  static final List<String> EXPRESSIONS = List.of("1 + 1", "2 * 3", "(4 + 5) * 6", "7 / 2", "2 ^ 10", "10 - 3 * 2");
  private static final Set<String> AB = Set.of("a", "b");

  private DemoMath() {
  }

  public static McpServer server() {
    JsonObject ab = Schemas.object(new JsonObject()
      .put("a", Schemas.property("number", "First operand"))
      .put("b", Schemas.property("number", "Second operand")));
    JsonObject add = Schemas.tool("add", "Add", "Adds two numbers", ab.copy())
      .put("outputSchema", new JsonObject().put("type", "object")
        .put("properties", new JsonObject().put("result", Schemas.property("number", "a + b")))
        .put("required", new JsonArray().add("result")));
    return McpServer.builder(NAME, "1.0.0")
      .title("Demo math")
      .instructions("Arithmetic tools for trying out the gateway.")
      .tool(add, (ctx, args) -> {
        Arguments.only(args, AB);
        JsonObject structured = new JsonObject().put("result", number(Arguments.number(args, "a")
          + Arguments.number(args, "b")));
        return Future.succeededFuture(Results.text(structured.encode()).put("structuredContent", structured));
      })
      .tool(Schemas.tool("multiply", "Multiply", "Multiplies two numbers", ab.copy()), (ctx, args) -> {
        Arguments.only(args, AB);
        double product = Arguments.number(args, "a") * Arguments.number(args, "b");
        return Future.succeededFuture(Results.text(String.valueOf(number(product))));
      })
      .tool(Schemas.tool("echo", "Echo", "Returns the text unchanged",
          Schemas.object(new JsonObject().put("text", Schemas.property("string", "Text to echo")))),
        (ctx, args) -> {
          Arguments.only(args, Set.of("text"));
          return Future.succeededFuture(Results.text(Arguments.string(args, "text")));
        })
      .prompt(new JsonObject().put("name", "explain_math").put("title", "Explain math")
          .put("description", "Asks for a step-by-step explanation of an arithmetic expression")
          .put("arguments", new JsonArray().add(Schemas.promptArgument("expression", "The expression to explain"))),
        (ctx, args) -> Future.succeededFuture(new JsonObject()
          .put("description", "Explain " + args.getString("expression"))
          .put("messages", new JsonArray().add(Schemas.userMessage(
            "Explain step by step how to evaluate: " + args.getString("expression"))))))
      .completion((ctx, request) -> Future.succeededFuture("expression".equals(request.argumentName())
        ? EXPRESSIONS.stream().filter(e -> e.startsWith(request.argumentValue())).toList()
        : List.of()))
      .build();
  }

  /** An integral double as a Long (so 5.0 prints as 5), anything else unchanged. */
  static Number number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Number) (long) value : (Number) value;
  }
}
