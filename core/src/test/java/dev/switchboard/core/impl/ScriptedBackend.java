package dev.switchboard.core.impl;

import dev.switchboard.core.backend.BackendClient;
import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.backend.BackendSession;
import dev.switchboard.core.backend.BackendStream;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A backend client whose answers a test scripts, recording what it was asked: for unit tests of the routing, which
 * only needs the {@link BackendClient} contract (the HTTP client itself is tested against real HTTP elsewhere).
 */
final class ScriptedBackend implements BackendClient {
  /** One request as the router sent it. */
  record Sent(String sessionId, Object requestId, String method, JsonObject params) {
  }

  /** What the backend does with a request: may stream messages to the handler, then answers. */
  interface Script {
    Future<JsonObject> answer(Sent sent, Handler<JsonObject> onMessage);
  }

  private final String name;
  private final List<Sent> sent = new CopyOnWriteArrayList<>();
  private final AtomicInteger sessions = new AtomicInteger();
  private volatile Script script = (s, m) -> Future.succeededFuture(new JsonObject());

  ScriptedBackend(String name) {
    this.name = name;
  }

  ScriptedBackend answering(Script next) {
    this.script = next;
    return this;
  }

  ScriptedBackend answering(Function<Sent, JsonObject> next) {
    return answering((s, m) -> Future.succeededFuture(next.apply(s)));
  }

  List<Sent> sent() {
    return sent;
  }

  int sessionsOpened() {
    return sessions.get();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public BackendOptions options() {
    return new BackendOptions(name, URI.create("http://127.0.0.1:1/mcp"));
  }

  @Override
  public Future<BackendSession> open(JsonObject clientInfo, JsonObject clientCapabilities) {
    return Future.succeededFuture(new BackendSession(name, name + "-session-" + sessions.incrementAndGet(),
      "2025-11-25", new JsonObject().put("tools", new JsonObject()), new JsonObject()));
  }

  @Override
  public Future<JsonObject> request(String sessionId, String method, JsonObject params,
                                    Handler<JsonObject> onMessage) {
    return request(sessionId, null, method, params, onMessage);
  }

  @Override
  public Future<JsonObject> request(String sessionId, Object requestId, String method, JsonObject params,
                                    Handler<JsonObject> onMessage) {
    Sent request = new Sent(sessionId, requestId, method, params);
    sent.add(request);
    if ("tools/list".equals(method)) {
      return Future.succeededFuture(new JsonObject().put("tools", List.of(
        new JsonObject().put("name", "echo").put("inputSchema", new JsonObject().put("type", "object")))));
    }
    return script.answer(request, onMessage);
  }

  @Override
  public Future<Void> cancel(String sessionId, Object requestId, String reason) {
    return Future.succeededFuture();
  }

  @Override
  public Future<BackendStream> listen(String sessionId, Handler<JsonObject> onMessage) {
    return Future.failedFuture(new UnsupportedOperationException("no standalone stream in this test"));
  }

  @Override
  public Future<Void> send(String sessionId, JsonObject message) {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> close(String sessionId) {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> shutdown() {
    return Future.succeededFuture();
  }
}
