package dev.switchboard.it;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small MCP client over raw HTTP for tests that must control every header and byte. Reads like the protocol:
 * {@code client.initialize()}, {@code client.request("tools/list")}, {@code client.post(body).header(...)}.
 */
public final class McpTestClient {
  public static final String ACCEPT_BOTH = "application/json, text/event-stream";

  private final HttpClient http;
  private final Context context;
  private final URI endpoint;
  private final AtomicLong ids = new AtomicLong();
  private String sessionId;
  private String protocolVersion = "2025-11-25";
  private JsonObject capabilities = new JsonObject();
  private String bearer;

  public McpTestClient(Vertx vertx, String url) {
    this.http = vertx.createHttpClient();
    this.context = vertx.getOrCreateContext();
    this.endpoint = URI.create(url);
  }

  /** A raw answer: status, headers and body. */
  public record Answer(int status, MultiMap headers, Buffer body) {
    public JsonObject json() {
      return new JsonObject(body);
    }

    public Object jsonValue() {
      return Json.decodeValue(body);
    }

    public JsonObject result() {
      return json().getJsonObject("result");
    }

    public JsonObject error() {
      return json().getJsonObject("error");
    }

    public String header(String name) {
      return headers.get(name);
    }
  }

  public String sessionId() {
    return sessionId;
  }

  public McpTestClient sessionId(String id) {
    this.sessionId = id;
    return this;
  }

  public McpTestClient protocolVersion(String version) {
    this.protocolVersion = version;
    return this;
  }

  /** Sends {@code Authorization: Bearer <token>} on every request from now on (null: none). */
  public McpTestClient bearer(String token) {
    this.bearer = token;
    return this;
  }

  /** The capabilities declared at initialize (default none). */
  public McpTestClient capabilities(JsonObject declared) {
    this.capabilities = declared;
    return this;
  }

  /** initialize with the given version; remembers the session id. Does not send notifications/initialized. */
  public Future<Answer> initializeOnly(String version) {
    JsonObject params = new JsonObject().put("protocolVersion", version)
      .put("capabilities", capabilities)
      .put("clientInfo", new JsonObject().put("name", "test-client").put("version", "1.0"));
    return exchange(request().body(message(nextId(), "initialize", params)).noSession()).onSuccess(a -> {
      sessionId = a.header("Mcp-Session-Id");
      JsonObject result = a.json().getJsonObject("result");
      if (result != null) {
        protocolVersion = result.getString("protocolVersion");
      }
    });
  }

  /** initialize, then notifications/initialized. */
  public Future<Answer> initialize() {
    return initialize("2025-11-25");
  }

  public Future<Answer> initialize(String version) {
    return initializeOnly(version).compose(init -> notify("notifications/initialized", null).map(init));
  }

  public Future<Answer> request(String method) {
    return request(method, null);
  }

  public Future<Answer> request(String method, JsonObject params) {
    return exchange(request().body(message(nextId(), method, params)));
  }

  public Future<Answer> callTool(String name, JsonObject arguments) {
    return request("tools/call", new JsonObject().put("name", name).put("arguments", arguments));
  }

  public Future<Answer> notify(String method, JsonObject params) {
    JsonObject msg = new JsonObject().put("jsonrpc", "2.0").put("method", method);
    if (params != null) {
      msg.put("params", params);
    }
    return exchange(request().body(msg));
  }

  public Future<Answer> delete() {
    return exchange(request().method(HttpMethod.DELETE).body((Buffer) null));
  }

  public JsonObject message(Object id, String method, JsonObject params) {
    JsonObject msg = new JsonObject().put("jsonrpc", "2.0").put("id", id).put("method", method);
    if (params != null) {
      msg.put("params", params);
    }
    return msg;
  }

  public long nextId() {
    return ids.incrementAndGet();
  }

  /** A request with the usual headers, to adjust before {@link #exchange}. */
  public Exchange request() {
    return new Exchange();
  }

  /**
   * Runs the exchange on the client's event-loop context, so that response handlers are attached on the thread
   * that delivers the response (attached later from a test thread, body chunks could be lost).
   */
  public Future<Answer> exchange(Exchange ex) {
    Promise<Answer> promise = Promise.promise();
    context.runOnContext(v -> send(ex).onComplete(promise));
    return promise.future();
  }

  private Future<Answer> send(Exchange ex) {
    RequestOptions options = new RequestOptions().setMethod(ex.method).setHost(endpoint.getHost())
      .setPort(endpoint.getPort()).setURI(endpoint.getRawPath()).setTimeout(TimeUnit.SECONDS.toMillis(30));
    ex.headers.forEach(e -> options.putHeader(e.getKey(), e.getValue()));
    if (ex.withSession && sessionId != null && !ex.headers.contains("Mcp-Session-Id")) {
      options.putHeader("Mcp-Session-Id", sessionId);
    }
    if (ex.withVersion && !ex.headers.contains("MCP-Protocol-Version")) {
      options.putHeader("MCP-Protocol-Version", protocolVersion);
    }
    if (bearer != null && !ex.headers.contains("Authorization")) {
      options.putHeader("Authorization", "Bearer " + bearer);
    }
    return http.request(options)
      .compose(req -> ex.body == null ? req.send() : req.send(ex.body))
      .compose(resp -> resp.body().map(body -> new Answer(resp.statusCode(), resp.headers(), body)));
  }

  /** An answer read as an event stream (or a JSON body, then {@code events} is empty). */
  public record Streamed(int status, MultiMap headers, List<SseEvent> events, Buffer body) {
    public boolean isSse() {
      String type = headers.get("Content-Type");
      return type != null && type.startsWith("text/event-stream");
    }

    /** The JSON-RPC messages carried by the events (priming events have none). */
    public List<JsonObject> messages() {
      return events.stream().filter(SseEvent::hasData).map(SseEvent::json).toList();
    }
  }

  /**
   * Sends an exchange and reads the answer as it streams. Each complete event goes to {@code onEvent} (which may send
   * more requests, e.g. answers to server requests); completes when the server ends the response.
   */
  public Future<Streamed> stream(Exchange ex, Handler<SseEvent> onEvent) {
    Promise<Streamed> promise = Promise.promise();
    context.runOnContext(v -> open(ex).compose(resp -> {
      List<SseEvent> events = new ArrayList<>();
      Buffer raw = Buffer.buffer();
      StringBuilder pending = new StringBuilder();
      Promise<Streamed> done = Promise.promise();
      resp.handler(chunk -> {
        raw.appendBuffer(chunk);
        int before = events.size();
        String rest = SseEvent.parse(pending.append(chunk.toString()).toString(), events);
        pending.setLength(0);
        pending.append(rest);
        for (int i = before; i < events.size(); i++) {
          if (onEvent != null) {
            onEvent.handle(events.get(i));
          }
        }
      });
      resp.endHandler(end -> done.tryComplete(new Streamed(resp.statusCode(), resp.headers(), events, raw)));
      resp.exceptionHandler(done::tryFail);
      return done.future();
    }).onComplete(promise));
    return promise.future();
  }

  /** Sends a request and reads its answer as a stream. */
  public Future<Streamed> streamRequest(String method, JsonObject params, Handler<SseEvent> onEvent) {
    return stream(request().body(message(nextId(), method, params)), onEvent);
  }

  /**
   * Opens a GET stream (optionally resuming after {@code lastEventId}); events go to {@code onEvent}. Completes with
   * the response once its headers arrived; {@code reset()} the request to close it.
   */
  public Future<io.vertx.core.http.HttpClientResponse> openGet(String lastEventId, Handler<SseEvent> onEvent) {
    Exchange ex = request().method(HttpMethod.GET).header("Accept", "text/event-stream").header("Content-Type", null)
      .header("Last-Event-ID", lastEventId).body((Object) null);
    Promise<io.vertx.core.http.HttpClientResponse> promise = Promise.promise();
    context.runOnContext(v -> open(ex).onSuccess(resp -> {
      StringBuilder pending = new StringBuilder();
      List<SseEvent> events = new ArrayList<>();
      resp.handler(chunk -> {
        int before = events.size();
        String rest = SseEvent.parse(pending.append(chunk.toString()).toString(), events);
        pending.setLength(0);
        pending.append(rest);
        for (int i = before; i < events.size(); i++) {
          onEvent.handle(events.get(i));
        }
      });
      resp.exceptionHandler(err -> { });
    }).onComplete(promise));
    return promise.future();
  }

  private Future<io.vertx.core.http.HttpClientResponse> open(Exchange ex) {
    RequestOptions options = new RequestOptions().setMethod(ex.method).setHost(endpoint.getHost())
      .setPort(endpoint.getPort()).setURI(endpoint.getRawPath());
    ex.headers.forEach(e -> options.putHeader(e.getKey(), e.getValue()));
    if (ex.withSession && sessionId != null && !ex.headers.contains("Mcp-Session-Id")) {
      options.putHeader("Mcp-Session-Id", sessionId);
    }
    if (ex.withVersion && !ex.headers.contains("MCP-Protocol-Version")) {
      options.putHeader("MCP-Protocol-Version", protocolVersion);
    }
    if (bearer != null && !ex.headers.contains("Authorization")) {
      options.putHeader("Authorization", "Bearer " + bearer);
    }
    return http.request(options).compose(req -> ex.body == null ? req.send() : req.send(ex.body));
  }

  public Future<Void> close() {
    return http.close();
  }

  /** One HTTP exchange under construction. */
  public final class Exchange {
    private HttpMethod method = HttpMethod.POST;
    private final MultiMap headers = MultiMap.caseInsensitiveMultiMap()
      .add("Accept", ACCEPT_BOTH).add("Content-Type", "application/json");
    private Buffer body;
    private boolean withSession = true;
    private boolean withVersion = true;

    public Exchange method(HttpMethod m) {
      this.method = m;
      return this;
    }

    public Exchange header(String name, String value) {
      if (value == null) {
        headers.remove(name);
      } else {
        headers.set(name, value);
      }
      return this;
    }

    public Exchange body(Object json) {
      this.body = json == null ? null : Json.encodeToBuffer(json);
      return this;
    }

    public Exchange body(Buffer raw) {
      this.body = raw;
      return this;
    }

    public Exchange rawBody(String raw) {
      this.body = Buffer.buffer(raw);
      return this;
    }

    public Exchange noSession() {
      this.withSession = false;
      return this;
    }

    public Exchange noVersion() {
      this.withVersion = false;
      return this;
    }

    public Future<Answer> send() {
      return exchange(this);
    }
  }
}
