package dev.switchboard.transport.kit;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.json.Json;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** A minimal streamable-HTTP MCP client for tests; blocking calls, so use it from the test thread only. */
final class KitClient {
  static final String ACCEPT_BOTH = "application/json, text/event-stream";
  private static final long TIMEOUT_SECONDS = 10;

  private final Context context;
  private final HttpClient http;
  private final int port;
  private final AtomicLong ids = new AtomicLong();
  String sessionId;
  String protocolVersion = "2025-11-25";

  KitClient(Vertx vertx, RunningServer server) {
    this.context = vertx.getOrCreateContext();
    this.http = vertx.createHttpClient();
    this.port = server.port();
  }

  /** Initializes a session (declaring {@code capabilities}) and sends {@code notifications/initialized}. */
  JsonObject initialize(JsonObject capabilities) throws Exception {
    KitReply reply = post(initializeRequest(protocolVersion, capabilities));
    sessionId = reply.headers().get("mcp-session-id");
    JsonObject result = reply.result();
    protocolVersion = result.getString("protocolVersion");
    KitReply ack = post(notification("notifications/initialized", null));
    if (ack.status() != 202) {
      throw new AssertionError("initialized got " + ack.status());
    }
    return result;
  }

  JsonObject initialize() throws Exception {
    return initialize(new JsonObject());
  }

  JsonObject initializeRequest(String version, JsonObject capabilities) {
    return request("initialize", new JsonObject().put("protocolVersion", version).put("capabilities", capabilities)
      .put("clientInfo", new JsonObject().put("name", "test-client").put("version", "1.0")));
  }

  JsonObject request(String method, JsonObject params) {
    JsonObject message = new JsonObject().put("jsonrpc", "2.0").put("id", ids.incrementAndGet()).put("method", method);
    return params == null ? message : message.put("params", params);
  }

  static JsonObject notification(String method, JsonObject params) {
    JsonObject message = new JsonObject().put("jsonrpc", "2.0").put("method", method);
    return params == null ? message : message.put("params", params);
  }

  /** Sends {@code method} and returns the whole reply. */
  KitReply call(String method, JsonObject params) throws Exception {
    return post(request(method, params));
  }

  KitReply post(Object body) throws Exception {
    return send(HttpMethod.POST, body, Map.of());
  }

  /** Sends with the standard headers, overridden by {@code headers} (a null value removes one). */
  KitReply send(HttpMethod method, Object body, Map<String, String> headers) throws Exception {
    return sendAsync(method, body, headers).await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  /** Like {@link #send} without waiting for the reply. */
  Future<KitReply> sendAsync(HttpMethod method, Object body, Map<String, String> headers) {
    RequestOptions options = options(method, headers);
    return onClientContext(() -> http.request(options)
      .compose(req -> body == null ? req.send() : req.send(encode(body)))
      .compose(resp -> resp.body().map(content -> new KitReply(resp.statusCode(),
        MultiMap.caseInsensitiveMultiMap().addAll(resp.headers()), content.toString()))));
  }

  /** Sends and returns as soon as the headers arrive; events are queued as they stream in. */
  Stream stream(HttpMethod method, Object body, Map<String, String> headers) throws Exception {
    RequestOptions options = options(method, headers);
    BlockingQueue<KitEvent> events = new LinkedBlockingQueue<>();
    KitEventReader parser = new KitEventReader(events::add);
    return onClientContext(() -> http.request(options)
      .compose(req -> body == null ? req.send() : req.send(encode(body)))
      .map(resp -> {
        Stream stream = new Stream(resp, events);
        resp.handler(chunk -> parser.feed(chunk.toString()));
        resp.endHandler(v -> stream.ended = true);
        return stream;
      })).await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  /** Runs on the client's event loop, so response handlers are set before any data can arrive. */
  private <T> Future<T> onClientContext(Supplier<Future<T>> action) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(promise));
    return promise.future();
  }

  private RequestOptions options(HttpMethod method, Map<String, String> overrides) {
    Map<String, String> headers = new HashMap<>();
    headers.put("Accept", ACCEPT_BOTH);
    headers.put("Content-Type", "application/json");
    if (sessionId != null) {
      headers.put("Mcp-Session-Id", sessionId);
      headers.put("MCP-Protocol-Version", protocolVersion);
    }
    headers.putAll(overrides);
    String host = headers.getOrDefault("Host", "127.0.0.1:" + port);
    RequestOptions options = new RequestOptions().setMethod(method).setURI("/mcp")
      .setServer(SocketAddress.inetSocketAddress(port, "127.0.0.1"));
    int colon = host.lastIndexOf(':');
    if (colon > 0 && !host.endsWith("]")) {
      options.setHost(host.substring(0, colon)).setPort(Integer.parseInt(host.substring(colon + 1)));
    } else {
      options.setHost(host).setPort(80);
    }
    headers.forEach((name, value) -> {
      if (value != null && !name.equalsIgnoreCase("Host")) {
        options.putHeader(name, value);
      }
    });
    return options;
  }

  private static Buffer encode(Object body) {
    return body instanceof String text ? Buffer.buffer(text) : Buffer.buffer(Json.encode(body));
  }

  /** A streaming reply. */
  static final class Stream {
    final HttpClientResponse response;
    final BlockingQueue<KitEvent> events;
    volatile boolean ended;

    Stream(HttpClientResponse response, BlockingQueue<KitEvent> events) {
      this.response = response;
      this.events = events;
    }

    KitEvent next() throws InterruptedException {
      KitEvent event = events.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (event == null) {
        throw new AssertionError("No SSE event within " + TIMEOUT_SECONDS + " s");
      }
      return event;
    }

    /** The next event that carries a message (skipping the priming event). */
    JsonObject nextMessage() throws InterruptedException {
      KitEvent event = next();
      return event.data().isEmpty() ? nextMessage() : event.json();
    }
  }
}
