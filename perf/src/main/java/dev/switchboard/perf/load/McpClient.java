package dev.switchboard.perf.load;

import dev.switchboard.perf.stub.StubText;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The MCP client side of one lane: each method is one HTTP exchange, validated. The response body is collected in
 * the {@code compose} callback that delivers the response, on the lane's event loop.
 */
final class McpClient {
  static final String SESSION_HEADER = "Mcp-Session-Id";
  static final String VERSION_HEADER = "MCP-Protocol-Version";
  static final String PROTOCOL_VERSION = "2025-11-25";
  static final String STATELESS_VERSION = "2026-07-28";
  /** The {@code _meta} envelope of a stateless request (ends the params object). */
  private static final String ENVELOPE = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\""
    + STATELESS_VERSION + "\",\"io.modelcontextprotocol/clientCapabilities\":{},"
    + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"switchboard-perf\",\"version\":\"1\"}}";
  private static final String ACCEPT = "application/json, text/event-stream";
  private static final Buffer INITIALIZE = Buffer.buffer("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
    + "\"params\":{\"protocolVersion\":\"" + PROTOCOL_VERSION + "\",\"capabilities\":{},"
    + "\"clientInfo\":{\"name\":\"switchboard-perf\",\"version\":\"1\"}}}");
  private static final Buffer INITIALIZED =
    Buffer.buffer("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");

  private final HttpClientAgent http;
  private final LoadOptions options;

  McpClient(HttpClientAgent http, LoadOptions options) {
    this.http = http;
    this.options = options;
  }

  /** {@code initialize}: a 200 with a session id and a result naming a protocol version. */
  Future<McpSession> initialize(Target target) {
    return exchange(HttpMethod.POST, target, null, INITIALIZE).map(reply -> {
      JsonObject result = Answers.result(reply.expectStatus(200), 1);
      if (reply.sessionId() == null || reply.sessionId().isEmpty()) {
        throw new LoadFailure(ErrorKind.VALIDATION, "initialize answer has no Mcp-Session-Id");
      }
      if (!(result.getValue("protocolVersion") instanceof String version)) {
        throw new LoadFailure(ErrorKind.VALIDATION, "initialize result has no protocolVersion");
      }
      return new McpSession(reply.sessionId(), version);
    });
  }

  /** {@code notifications/initialized}: 202 (some servers answer 200 or 204). */
  Future<Void> initialized(McpSession session, Target target) {
    return exchange(HttpMethod.POST, target, session, INITIALIZED)
      .map(reply -> {
        reply.expectStatus(202, 200, 204);
        return null;
      });
  }

  /** {@code tools/call} of the configured tool; the text must be {@link StubText} for this request. */
  Future<Void> call(McpSession session, Target target) {
    long id = session.nextRequestId();
    String tool = options.toolFor(target);
    int size = options.getPayloadSize();
    String envelope = session.id() == null ? "," + ENVELOPE : "";
    String padding = options.getArgumentSize() == 0 ? "" : ",\"pad\":\"" + "p".repeat(options.getArgumentSize()) + "\"";
    Buffer body = Buffer.buffer("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{"
      + "\"name\":\"" + tool + "\",\"arguments\":{\"seq\":" + id + ",\"size\":" + size + padding + "}" + envelope
      + "}}");
    return exchange(HttpMethod.POST, target, session, body, "tools/call", tool).map(reply -> {
      JsonObject result = Answers.result(reply.expectStatus(200), id);
      if (Boolean.TRUE.equals(result.getValue("isError"))) {
        throw new LoadFailure(ErrorKind.TOOL_ERROR, "isError: " + firstText(result));
      }
      String text = firstText(result);
      if (!StubText.matches(text, id, size)) {
        throw new LoadFailure(ErrorKind.VALIDATION, "tools/call " + id + ": unexpected text "
          + (text == null ? "null" : "'" + text.substring(0, Math.min(40, text.length())) + "' (" + text.length()
          + " chars)"));
      }
      return null;
    });
  }

  /** {@code tools/list}: a {@code tools} array, of the expected size when one is set. */
  Future<Void> list(McpSession session, Target target) {
    long id = session.nextRequestId();
    Buffer body = Buffer.buffer("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/list\""
      + (session.id() == null ? ",\"params\":{" + ENVELOPE + "}" : "") + "}");
    return exchange(HttpMethod.POST, target, session, body, "tools/list", null).map(reply -> {
      JsonObject result = Answers.result(reply.expectStatus(200), id);
      if (!(result.getValue("tools") instanceof JsonArray tools) || tools.isEmpty()) {
        throw new LoadFailure(ErrorKind.VALIDATION, "tools/list " + id + ": no tools");
      }
      int expected = options.getExpectedTools();
      if (expected > 0 && tools.size() != expected && result.getValue("nextCursor") == null) {
        throw new LoadFailure(ErrorKind.VALIDATION, "tools/list " + id + ": " + tools.size() + " tools, expected "
          + expected);
      }
      return null;
    });
  }

  /** {@code DELETE}: any 2xx. */
  Future<Void> delete(McpSession session, Target target) {
    return exchange(HttpMethod.DELETE, target, session, null).map(reply -> {
      if (reply.status() / 100 != 2) {
        reply.expectStatus(200);
      }
      return null;
    });
  }

  private Future<Reply> exchange(HttpMethod method, Target target, McpSession session, Buffer body) {
    return exchange(method, target, session, body, null, null);
  }

  /** @param mcpMethod the JSON-RPC method, for a stateless request's headers; {@code mcpName} its tool, or null */
  private Future<Reply> exchange(HttpMethod method, Target target, McpSession session, Buffer body, String mcpMethod,
                                 String mcpName) {
    RequestOptions request = new RequestOptions()
      .setMethod(method)
      .setHost(target.host())
      .setPort(target.port())
      .setURI(target.path())
      .setIdleTimeout(options.getTimeout().toMillis())
      .putHeader(HttpHeaders.ACCEPT, ACCEPT);
    if (body != null) {
      request.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
    }
    if (session != null && session.id() != null) {
      request.putHeader(SESSION_HEADER, session.id()).putHeader(VERSION_HEADER, session.protocolVersion());
    } else if (session != null) {
      request.putHeader(VERSION_HEADER, session.protocolVersion()).putHeader("Mcp-Method", mcpMethod);
      if (mcpName != null) {
        request.putHeader("Mcp-Name", mcpName);
      }
    }
    if (target.authorization() != null) {
      request.putHeader(HttpHeaders.AUTHORIZATION, target.authorization());
    }
    return http.request(request)
      .compose(req -> body == null ? req.send() : req.send(body))
      .compose(McpClient::read);
  }

  /** Called in the callback that delivered the response, so the body handler is attached before any data. */
  private static Future<Reply> read(HttpClientResponse response) {
    return response.body().map(body -> new Reply(response.statusCode(), response.getHeader(HttpHeaders.CONTENT_TYPE),
      response.getHeader(SESSION_HEADER), body));
  }

  private static String firstText(JsonObject result) {
    if (result.getValue("content") instanceof JsonArray content && !content.isEmpty()
      && content.getValue(0) instanceof JsonObject block && block.getValue("text") instanceof String text) {
      return text;
    }
    return null;
  }
}
