package dev.switchboard.perf.stub;

import dev.switchboard.core.protocol.JsonRpc;
import dev.switchboard.core.protocol.JsonRpcError;
import dev.switchboard.core.protocol.Results;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * The perf stub over stdio: the same tools and answers as {@link StubBackend} ({@link StubText}, no latency), as a
 * process that speaks newline-delimited JSON-RPC on stdin and stdout, for the benchmark's stdio arm. A plain blocking
 * loop: it is its own process, one message at a time, answers flushed when no more input is waiting.
 *
 * <pre>java -cp switchboard-perf.jar dev.switchboard.perf.stub.StdioStubMain [tools]</pre>
 */
public final class StdioStubMain {
  private StdioStubMain() {
  }

  public static void main(String[] args) throws IOException {
    StubOptions options = new StubOptions().setName("perf-stub-stdio");
    if (args.length > 0) {
      options.setTools(Integer.parseInt(args[0]));
    }
    JsonArray tools = new JsonArray();
    JsonObject schema = new JsonObject().put("type", "object").put("properties", new JsonObject()
      .put("seq", new JsonObject().put("type", "integer")).put("size", new JsonObject().put("type", "integer")));
    for (int i = 0; i < options.getTools(); i++) {
      tools.add(new JsonObject().put("name", options.toolName(i)).put("description", "Perf stub tool " + i)
        .put("inputSchema", schema.copy()));
    }
    String filler = StubText.filler(1024 * 1024);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 64 * 1024);
    BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 64 * 1024);
    String line;
    while ((line = in.readLine()) != null) {
      JsonObject answer = answer(new JsonObject(line), tools, filler);
      if (answer != null) {
        out.write(answer.encode());
        out.write('\n');
      }
      if (!in.ready()) {
        out.flush();
      }
    }
    out.flush();
  }

  private static JsonObject answer(JsonObject message, JsonArray tools, String filler) {
    Object id = message.getValue("id");
    String method = message.getString("method");
    if (id == null || method == null) {
      return null;
    }
    JsonObject params = message.getJsonObject("params", new JsonObject());
    return switch (method) {
      case "initialize" -> JsonRpc.response(id, new JsonObject()
        .put("protocolVersion", params.getString("protocolVersion", "2025-11-25"))
        .put("capabilities", new JsonObject().put("tools", new JsonObject()))
        .put("serverInfo", new JsonObject().put("name", "perf-stub-stdio").put("version", "1.0.0")));
      case "ping" -> JsonRpc.response(id, new JsonObject());
      case "tools/list" -> JsonRpc.response(id, new JsonObject().put("tools", tools));
      case "tools/call" -> call(id, params.getJsonObject("arguments", new JsonObject()), filler);
      default -> JsonRpc.errorResponse(id, JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + method);
    };
  }

  private static JsonObject call(Object id, JsonObject args, String filler) {
    long seq = args.getValue("seq") instanceof Number n ? n.longValue() : 0;
    int size = args.getValue("size") instanceof Number n ? n.intValue() : StubBackend.DEFAULT_SIZE;
    if (size < 0 || size > StubText.MAX_SIZE) {
      return JsonRpc.errorResponse(id, JsonRpcError.INVALID_PARAMS, "size must be 0.." + StubText.MAX_SIZE);
    }
    String fill = size <= filler.length() ? filler : StubText.filler(size);
    return JsonRpc.response(id, Results.text(StubText.build(seq, size, fill)));
  }
}
