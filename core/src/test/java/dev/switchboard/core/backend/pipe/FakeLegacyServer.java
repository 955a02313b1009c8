package dev.switchboard.core.backend.pipe;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A legacy HTTP+SSE (2024-11-05) MCP server on loopback, as the TypeScript SDK's {@code SSEServerTransport} behaves:
 * {@code GET /sse} opens a session and announces {@code /messages?sessionId=N}; POSTs are accepted with 202 and
 * answered on the stream. Tool {@code echo} echoes; the test can drop every stream or forget every session.
 */
final class FakeLegacyServer {
  private final Vertx vertx;
  private final Map<String, HttpServerResponse> streams = new ConcurrentHashMap<>();
  final List<MultiMap> getHeaders = new CopyOnWriteArrayList<>();
  final List<MultiMap> postHeaders = new CopyOnWriteArrayList<>();
  final AtomicInteger connections = new AtomicInteger();
  private HttpServer server;
  volatile String endpoint;

  FakeLegacyServer(Vertx vertx) {
    this.vertx = vertx;
  }

  Future<FakeLegacyServer> start() {
    server = vertx.createHttpServer().requestHandler(request -> {
      if (request.path().equals("/sse")) {
        getHeaders.add(request.headers());
        String id = String.valueOf(connections.incrementAndGet());
        HttpServerResponse response = request.response().setChunked(true)
          .putHeader("Content-Type", "text/event-stream");
        streams.put(id, response);
        response.closeHandler(v -> streams.remove(id, response));
        response.write("event: endpoint\ndata: " + (endpoint != null ? endpoint : "/messages?sessionId=" + id)
          + "\n\n");
      } else if (request.path().equals("/messages")) {
        postHeaders.add(request.headers());
        HttpServerResponse stream = streams.get(request.getParam("sessionId", ""));
        if (stream == null) {
          request.response().setStatusCode(404).end("Session not found");
          return;
        }
        request.body().onSuccess(body -> {
          request.response().setStatusCode(202).end("Accepted");
          answer(stream, body.toJsonObject());
        });
      } else {
        request.response().setStatusCode(404).end();
      }
    });
    return server.listen(0, "127.0.0.1").map(this);
  }

  private void answer(HttpServerResponse stream, JsonObject message) {
    Object id = message.getValue("id");
    String method = message.getString("method");
    if (id == null || method == null) {
      return;
    }
    JsonObject params = message.getJsonObject("params", new JsonObject());
    JsonObject result = switch (method) {
      case "initialize" -> new JsonObject().put("protocolVersion", "2024-11-05")
        .put("capabilities", new JsonObject().put("tools", new JsonObject()))
        .put("serverInfo", new JsonObject().put("name", "legacy").put("version", "1"));
      case "tools/list" -> new JsonObject().put("tools", List.of(new JsonObject().put("name", "echo")
        .put("inputSchema", new JsonObject().put("type", "object"))));
      case "tools/call" -> new JsonObject().put("content", List.of(new JsonObject().put("type", "text")
        .put("text", "echo: " + params.getJsonObject("arguments", new JsonObject()).getString("text"))));
      default -> null;
    };
    JsonObject reply = new JsonObject().put("jsonrpc", "2.0").put("id", id);
    if (result == null) {
      reply.put("error", new JsonObject().put("code", -32601).put("message", "Method not found"));
    } else {
      reply.put("result", result);
    }
    // answers after a short delay, so that concurrent requests are answered out of order
    vertx.setTimer("tools/call".equals(method) && params.getJsonObject("arguments", new JsonObject())
      .getBoolean("slow", false) ? 200 : 1, t -> stream.write("event: message\ndata: " + reply.encode() + "\n\n"));
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.actualPort() + "/sse");
  }

  /** Ends every SSE stream (the sessions stay known). */
  void dropStreams() {
    streams.values().forEach(HttpServerResponse::end);
    streams.clear();
  }

  /** Forgets every session: their POSTs get 404 from now on, their streams stay open. */
  void forgetSessions() {
    streams.clear();
  }

  Future<Void> close() {
    return server.close();
  }
}
