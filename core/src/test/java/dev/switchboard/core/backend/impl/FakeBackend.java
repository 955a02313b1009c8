package dev.switchboard.core.backend.impl;

import dev.switchboard.core.protocol.JsonRpc;
import dev.switchboard.core.protocol.ProtocolVersion;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tiny MCP backend on a raw {@link HttpServer} at 127.0.0.1 with an ephemeral port. It records every request and
 * answers by JSON-RPC method: {@code initialize} with a session id and version 2025-06-18, notifications and responses
 * with 202, DELETE with 200, GET with 405 (no event stream), anything else with the JSON answer
 * {@code {"echo": method}}, unless a test installed its own {@link Responder} for the method.
 */
final class FakeBackend {
  static final String SESSION_ID = "sess-1";
  static final String NEGOTIATED = ProtocolVersion.V2025_06_18;

  /** One request as the backend saw it; {@code body} is null for a DELETE. */
  record Received(HttpMethod httpMethod, String uri, MultiMap headers, JsonObject body) {
    String method() {
      return body == null ? null : body.getString("method");
    }

    /** The JSON-RPC method, or the HTTP method for a request without a body. */
    String key() {
      return body == null ? httpMethod.name() : method();
    }
  }

  /** Answers one JSON-RPC request. */
  @FunctionalInterface
  interface Responder {
    void respond(Received request, HttpServerResponse response);
  }

  private record Waiter(String method, Promise<Received> promise) {
  }

  private final Vertx vertx;
  private final Map<String, Responder> responders = new ConcurrentHashMap<>();
  private final List<Received> received = new ArrayList<>();
  private final List<Waiter> waiters = new ArrayList<>();
  private volatile Responder deleteResponder = (request, response) -> response.end();
  private volatile Responder getResponder = (request, response) -> response.setStatusCode(405).end();
  private volatile Responder messageResponder = (request, response) -> response.setStatusCode(202).end();
  private HttpServer server;

  FakeBackend(Vertx vertx) {
    this.vertx = vertx;
  }

  Future<FakeBackend> start() {
    server = vertx.createHttpServer();
    return server.requestHandler(this::handle).listen(0, "127.0.0.1").map(this);
  }

  /** The MCP endpoint URL, with a query string the client must keep. */
  URI url() {
    return URI.create("http://127.0.0.1:" + server.actualPort() + "/mcp?tenant=t1");
  }

  FakeBackend on(String method, Responder responder) {
    responders.put(method, responder);
    return this;
  }

  FakeBackend onDelete(Responder responder) {
    deleteResponder = responder;
    return this;
  }

  /** Answers GET requests (event streams; 405 by default). */
  FakeBackend onGet(Responder responder) {
    getResponder = responder;
    return this;
  }

  /** Answers POSTed notifications and responses (202 by default). */
  FakeBackend onNotificationOrResponse(Responder responder) {
    messageResponder = responder;
    return this;
  }

  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  /** The first message with this JSON-RPC method (or HTTP method if bodiless), now or when it arrives. */
  synchronized Future<Received> awaitMessage(String method) {
    for (Received request : received) {
      if (method.equals(request.key())) {
        return Future.succeededFuture(request);
      }
    }
    Promise<Received> promise = Promise.promise();
    waiters.add(new Waiter(method, promise));
    return promise.future();
  }

  Future<Received> awaitDelete() {
    return awaitMessage(HttpMethod.DELETE.name());
  }

  private void handle(HttpServerRequest request) {
    request.body().onSuccess(body -> {
      JsonObject json = body.length() == 0 ? null : body.toJsonObject();
      Received seen = new Received(request.method(), request.uri(), MultiMap.caseInsensitiveMultiMap()
        .addAll(request.headers()), json);
      record(seen);
      HttpServerResponse response = request.response();
      if (request.method() == HttpMethod.DELETE) {
        deleteResponder.respond(seen, response);
      } else if (request.method() == HttpMethod.GET) {
        getResponder.respond(seen, response);
      } else if (json == null || !JsonRpc.isRequest(json)) {
        messageResponder.respond(seen, response);
      } else {
        responders.getOrDefault(seen.method(), FakeBackend::defaultAnswer).respond(seen, response);
      }
    });
  }

  private synchronized void record(Received request) {
    received.add(request);
    for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
      Waiter waiter = it.next();
      if (waiter.method().equals(request.key())) {
        it.remove();
        waiter.promise().complete(request);
      }
    }
  }

  private static void defaultAnswer(Received request, HttpServerResponse response) {
    if (request.method().equals("initialize")) {
      response.putHeader("Mcp-Session-Id", SESSION_ID);
      json(response, JsonRpc.response(request.body().getValue("id"), new JsonObject()
        .put("protocolVersion", NEGOTIATED)
        .put("capabilities", new JsonObject().put("tools", new JsonObject()))
        .put("serverInfo", new JsonObject().put("name", "fake").put("version", "1.0"))));
    } else {
      json(response, JsonRpc.response(request.body().getValue("id"), new JsonObject().put("echo", request.method())));
    }
  }

  /** Answers with one JSON object. */
  static void json(HttpServerResponse response, JsonObject message) {
    response.putHeader("Content-Type", "application/json").end(message.encode());
  }

  /** Starts an SSE answer; write events with {@link #event}. */
  static HttpServerResponse sse(HttpServerResponse response) {
    response.setChunked(true).putHeader("Content-Type", "text/event-stream");
    return response;
  }

  /** One SSE event carrying a JSON-RPC message. */
  static String event(JsonObject message) {
    return "data: " + message.encode() + "\n\n";
  }

  /** One SSE event with an id carrying a JSON-RPC message. */
  static String event(String id, JsonObject message) {
    return "id: " + id + "\n" + event(message);
  }

  /** A priming event: an id and empty data. */
  static String priming(String id) {
    return "id: " + id + "\ndata:\n\n";
  }

  /** All GET requests received so far. */
  List<Received> gets() {
    return received().stream().filter(r -> r.httpMethod() == HttpMethod.GET).toList();
  }
}
