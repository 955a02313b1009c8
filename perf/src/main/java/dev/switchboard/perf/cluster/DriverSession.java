package dev.switchboard.perf.cluster;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;

/**
 * One MCP session of the driver: {@code initialize} (tried up to three times), {@code notifications/initialized},
 * {@code tools/list}, then {@code tools/call} one after the other until the deadline. A 404 means the session is lost
 * and ends it; any other failure is counted and the loop goes on after a short pause.
 */
final class DriverSession {
  private static final String PROTOCOL_VERSION = "2025-11-25";
  private static final int INITIALIZE_ATTEMPTS = 3;
  private static final long PAUSE_AFTER_FAILURE_MILLIS = 100;

  private final int index;
  private final Vertx vertx;
  private final HttpClient client;
  private final DriverOptions options;
  private final ClusterStats stats;
  private final long deadlineNanos;
  private String sessionId;
  private String protocolVersion = PROTOCOL_VERSION;
  private int nextId = 1;

  DriverSession(int index, Vertx vertx, HttpClient client, DriverOptions options, ClusterStats stats,
                long deadlineNanos) {
    this.index = index;
    this.vertx = vertx;
    this.client = client;
    this.options = options;
    this.stats = stats;
    this.deadlineNanos = deadlineNanos;
  }

  /** Runs the session to the deadline; never fails (outcomes go to the stats). */
  Future<Void> run() {
    return initialize(INITIALIZE_ATTEMPTS).compose(started -> {
      if (!started) {
        return Future.succeededFuture();
      }
      stats.sessionStarted();
      return notifyInitialized().compose(v -> list()).compose(alive -> {
        if (!alive) {
          return Future.succeededFuture();
        }
        Promise<Void> done = Promise.promise();
        loop(0, done);
        return done.future();
      });
    });
  }

  private Future<Boolean> initialize(int attemptsLeft) {
    JsonObject params = new JsonObject().put("protocolVersion", PROTOCOL_VERSION)
      .put("capabilities", new JsonObject())
      .put("clientInfo", new JsonObject().put("name", "cluster-driver").put("version", "1"));
    int id = nextId++;
    return post(request(id, "initialize", params), id).transform(ar -> {
      String failure = ar.failed() ? cause(ar.cause()) : ar.result().status() != 200 ? "HTTP " + ar.result().status()
        : ar.result().headers().get("Mcp-Session-Id") == null ? "no Mcp-Session-Id" : null;
      if (failure == null) {
        sessionId = ar.result().headers().get("Mcp-Session-Id");
        JsonObject result = ar.result().result();
        protocolVersion = result == null ? PROTOCOL_VERSION : result.getString("protocolVersion", PROTOCOL_VERSION);
        return Future.succeededFuture(true);
      }
      if (attemptsLeft > 1 && System.nanoTime() < deadlineNanos) {
        return vertx.timer(PAUSE_AFTER_FAILURE_MILLIS).compose(t -> initialize(attemptsLeft - 1));
      }
      stats.sessionFailedToStart(failure);
      return Future.succeededFuture(false);
    });
  }

  private Future<Void> notifyInitialized() {
    JsonObject notification = new JsonObject().put("jsonrpc", "2.0").put("method", "notifications/initialized");
    return post(notification, null).otherwiseEmpty().mapEmpty();
  }

  /** {@code tools/list}; false when the session is lost. */
  private Future<Boolean> list() {
    return exchange("tools/list", new JsonObject(), result -> {
      JsonArray tools = result.getJsonArray("tools");
      if (tools == null || tools.isEmpty()) {
        return "tools/list: no tools";
      }
      boolean listed = tools.stream().anyMatch(t -> t instanceof JsonObject tool
        && options.tool().equals(tool.getString("name")));
      return listed || result.getString("nextCursor") != null ? null : "tools/list: " + options.tool() + " missing";
    });
  }

  /**
   * Calls until the deadline or until the session is lost, then completes {@code done}. Each call starts from the
   * previous one's callback rather than composing futures, so a long run builds no chain that completes at once.
   */
  private void loop(int n, Promise<Void> done) {
    if (System.nanoTime() >= deadlineNanos) {
      done.complete();
      return;
    }
    JsonObject params = new JsonObject().put("name", options.tool())
      .put("arguments", new JsonObject().put("a", n).put("b", 1));
    exchange("tools/call", params, result -> check(result, n + 1)).onComplete(ar -> {
      if (ar.succeeded() && ar.result()) {
        loop(n + 1, done);
      } else {
        done.complete();
      }
    });
  }

  /**
   * Sends one request and judges its answer with {@code check} (null = good). Completes with false when the session
   * is lost, after a pause when the call failed.
   */
  private Future<Boolean> exchange(String method, JsonObject params, Function<JsonObject, String> check) {
    int id = nextId++;
    ClusterStats.Call call = stats.start();
    return post(request(id, method, params), id).transform(ar -> {
      if (ar.failed()) {
        stats.failed(call, null, method + ": " + cause(ar.cause()));
        return pause();
      }
      McpAnswer answer = ar.result();
      String upstream = answer.headers().get(options.upstreamHeader());
      if (answer.status() == 404) {
        stats.failed(call, upstream, method + ": HTTP 404");
        stats.sessionLost(index, method + " answered 404 on " + (upstream == null ? "?" : upstream));
        return Future.succeededFuture(false);
      }
      String problem = answer.status() != 200 ? "HTTP " + answer.status() + errorSuffix(answer)
        : answer.errorCode() != null ? "JSON-RPC error " + answer.errorCode()
        : answer.result() == null ? "no result" : check.apply(answer.result());
      if (problem != null) {
        stats.failed(call, upstream, method + ": " + problem);
        return pause();
      }
      stats.succeeded(call, upstream);
      return Future.succeededFuture(true);
    });
  }

  private Future<Boolean> pause() {
    return vertx.timer(PAUSE_AFTER_FAILURE_MILLIS).map(true);
  }

  private static String check(JsonObject result, int expected) {
    if (result.getBoolean("isError", false)) {
      return "isError result";
    }
    JsonObject structured = result.getJsonObject("structuredContent");
    if (structured != null && structured.getValue("result") instanceof Number sum && sum.intValue() != expected) {
      return "wrong sum";
    }
    return null;
  }

  private Future<McpAnswer> post(JsonObject message, Object id) {
    RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(options.url().toString())
      .setIdleTimeout(options.requestTimeout().toMillis())
      .setHeaders(MultiMap.caseInsensitiveMultiMap()
        .add("Content-Type", "application/json")
        .add("Accept", "application/json, text/event-stream")
        .add("MCP-Protocol-Version", protocolVersion));
    if (sessionId != null) {
      request.putHeader("Mcp-Session-Id", sessionId);
    }
    Buffer body = message.toBuffer();
    return client.request(request)
      .compose(req -> req.send(body))
      .compose(resp -> resp.body().map(b -> McpAnswer.of(resp.statusCode(), resp.headers(), b, id)));
  }

  private static JsonObject request(int id, String method, JsonObject params) {
    return new JsonObject().put("jsonrpc", "2.0").put("id", id).put("method", method).put("params", params);
  }

  private static String errorSuffix(McpAnswer answer) {
    return answer.errorCode() == null ? "" : " (JSON-RPC " + answer.errorCode() + ")";
  }

  private static String cause(Throwable t) {
    String name = t.getClass().getSimpleName();
    return t.getMessage() == null ? name : name + ": " + t.getMessage().replaceAll("\\d+ ms", "N ms");
  }
}
