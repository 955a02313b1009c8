package dev.switchboard.testkit;

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
import io.vertx.core.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import io.vertx.core.http.HttpClientResponse;

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

    public String contentType() {
      return headers.get("Content-Type");
    }

    public boolean isSse() {
      String type = contentType();
      return type != null && type.startsWith("text/event-stream");
    }

    /** The events of an SSE answer (empty for a JSON one). */
    public List<StreamEvent> events() {
      List<StreamEvent> events = new ArrayList<>();
      if (isSse()) {
        StreamEvent.parse(body.toString() + "\n\n", events);
      }
      return events;
    }

    /** The JSON-RPC response: the body of a JSON answer, or the last response event of an SSE one. */
    public JsonObject message() {
      if (!isSse()) {
        return json();
      }
      List<StreamEvent> events = events();
      for (int i = events.size() - 1; i >= 0; i--) {
        StreamEvent event = events.get(i);
        if (event.hasData() && !event.json().containsKey("method")) {
          return event.json();
        }
      }
      throw new AssertionError("no response in the stream: " + body);
    }

    public JsonObject result() {
      return message().getJsonObject("result");
    }

    public JsonObject error() {
      return message().getJsonObject("error");
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

  public String protocolVersion() {
    return protocolVersion;
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
    return exchange(request().body(initializeMessage(version)).noSession()).onSuccess(a -> {
      sessionId = a.header("Mcp-Session-Id");
      JsonObject result = a.message().getJsonObject("result");
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

  /** A notification message. */
  public static JsonObject notification(String method, JsonObject params) {
    JsonObject msg = new JsonObject().put("jsonrpc", "2.0").put("method", method);
    return params == null ? msg : msg.put("params", params);
  }

  /** An initialize request for {@code version}, declaring the client's capabilities. */
  public JsonObject initializeMessage(String version) {
    return message(nextId(), "initialize", new JsonObject().put("protocolVersion", version)
      .put("capabilities", capabilities)
      .put("clientInfo", new JsonObject().put("name", "test-client").put("version", "1.0")));
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
    RequestOptions options = options(ex).setTimeout(TimeUnit.SECONDS.toMillis(30));
    return http.request(options)
      .compose(req -> ex.body == null ? req.send() : req.send(ex.body))
      .compose(resp -> resp.body().map(body -> new Answer(resp.statusCode(), resp.headers(), body)));
  }

  /** An answer read as an event stream (or a JSON body, then {@code events} is empty). */
  public record Streamed(int status, MultiMap headers, List<StreamEvent> events, Buffer body) {
    public boolean isSse() {
      String type = headers.get("Content-Type");
      return type != null && type.startsWith("text/event-stream");
    }

    /** The JSON-RPC messages carried by the events (priming events have none). */
    public List<JsonObject> messages() {
      return events.stream().filter(StreamEvent::hasData).map(StreamEvent::json).toList();
    }
  }

  /**
   * Sends an exchange and reads the answer as it streams. Each complete event goes to {@code onEvent} (which may send
   * more requests, e.g. answers to server requests); completes when the server ends the response.
   */
  public Future<Streamed> stream(Exchange ex, Handler<StreamEvent> onEvent) {
    Promise<Streamed> promise = Promise.promise();
    context.runOnContext(v -> open(ex).compose(resp -> {
      List<StreamEvent> events = new ArrayList<>();
      Buffer raw = Buffer.buffer();
      StringBuilder pending = new StringBuilder();
      Promise<Streamed> done = Promise.promise();
      resp.handler(chunk -> {
        raw.appendBuffer(chunk);
        int before = events.size();
        String rest = StreamEvent.parse(pending.append(chunk.toString()).toString(), events);
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
  public Future<Streamed> streamRequest(String method, JsonObject params, Handler<StreamEvent> onEvent) {
    return stream(request().body(message(nextId(), method, params)), onEvent);
  }

  /**
   * Opens a GET stream (optionally resuming after {@code lastEventId}); events go to {@code onEvent}. Completes with
   * the response once its headers arrived; {@code reset()} the request to close it.
   */
  public Future<HttpClientResponse> openGet(String lastEventId, Handler<StreamEvent> onEvent) {
    Exchange ex = request().method(HttpMethod.GET).header("Accept", "text/event-stream").header("Content-Type", null)
      .header("Last-Event-ID", lastEventId).body((Object) null);
    Promise<HttpClientResponse> promise = Promise.promise();
    context.runOnContext(v -> open(ex).onSuccess(resp -> {
      StringBuilder pending = new StringBuilder();
      List<StreamEvent> events = new ArrayList<>();
      resp.handler(chunk -> {
        int before = events.size();
        String rest = StreamEvent.parse(pending.append(chunk.toString()).toString(), events);
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

  private Future<HttpClientResponse> open(Exchange ex) {
    return http.request(options(ex)).compose(req -> ex.body == null ? req.send() : req.send(ex.body));
  }

  /**
   * The request options of an exchange: always connected to the endpoint's address; a {@code Host} header set on the
   * exchange is sent as the request's authority instead of the endpoint's.
   */
  private RequestOptions options(Exchange ex) {
    RequestOptions options = new RequestOptions().setMethod(ex.method).setURI(endpoint.getRawPath())
      .setServer(SocketAddress.inetSocketAddress(endpoint.getPort(), endpoint.getHost()))
      .setHost(endpoint.getHost()).setPort(endpoint.getPort());
    String host = ex.headers.get("Host");
    if (host != null) {
      int colon = host.lastIndexOf(':');
      if (colon > 0 && !host.endsWith("]")) {
        options.setHost(host.substring(0, colon)).setPort(Integer.parseInt(host.substring(colon + 1)));
      } else {
        options.setHost(host).setPort(80);
      }
    }
    ex.headers.forEach(e -> {
      if (!"Host".equalsIgnoreCase(e.getKey())) {
        options.putHeader(e.getKey(), e.getValue());
      }
    });
    if (ex.withSession && sessionId != null && !ex.headers.contains("Mcp-Session-Id")) {
      options.putHeader("Mcp-Session-Id", sessionId);
    }
    if (ex.withVersion && !ex.headers.contains("MCP-Protocol-Version")) {
      options.putHeader("MCP-Protocol-Version", protocolVersion);
    }
    if (bearer != null && !ex.headers.contains("Authorization")) {
      options.putHeader("Authorization", "Bearer " + bearer);
    }
    return options;
  }

  /**
   * Sends an exchange and completes once the answer's headers arrived; its events queue up as they stream in, for a
   * test thread to take one by one ({@link OpenStream#next()}).
   */
  public Future<OpenStream> openStream(Exchange ex) {
    Promise<OpenStream> promise = Promise.promise();
    context.runOnContext(v -> open(ex).map(resp -> {
      OpenStream stream = new OpenStream(resp);
      StringBuilder pending = new StringBuilder();
      List<StreamEvent> parsed = new ArrayList<>();
      resp.handler(chunk -> {
        String rest = StreamEvent.parse(pending.append(chunk.toString()).toString(), parsed);
        pending.setLength(0);
        pending.append(rest);
        stream.events.addAll(parsed);
        parsed.clear();
      });
      resp.endHandler(end -> stream.ended = true);
      resp.exceptionHandler(err -> stream.ended = true);
      return stream;
    }).onComplete(promise));
    return promise.future();
  }

  /** An answer being read as a stream of events, taken one by one from the test thread. */
  public static final class OpenStream {
    private static final long WAIT_SECONDS = 10;
    public final HttpClientResponse response;
    private final BlockingQueue<StreamEvent> events = new LinkedBlockingQueue<>();
    public volatile boolean ended;

    OpenStream(HttpClientResponse response) {
      this.response = response;
    }

    /** The next event; fails when none comes within 10 s. */
    public StreamEvent next() throws InterruptedException {
      StreamEvent event = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      if (event == null) {
        throw new AssertionError("no SSE event within " + WAIT_SECONDS + " s");
      }
      return event;
    }

    /** How many events arrived and were not taken yet. */
    public int pending() {
      return events.size();
    }

    /** The next event that carries a message (priming events skipped). */
    public JsonObject nextMessage() throws InterruptedException {
      StreamEvent event = next();
      return event.hasData() ? event.json() : nextMessage();
    }
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
