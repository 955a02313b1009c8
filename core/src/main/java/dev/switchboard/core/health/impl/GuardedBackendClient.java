package dev.switchboard.core.health.impl;

import dev.switchboard.core.backend.BackendClient;
import dev.switchboard.core.backend.BackendException;
import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.backend.BackendSession;
import dev.switchboard.core.backend.BackendStream;
import dev.switchboard.core.metrics.GatewayMetrics;
import dev.switchboard.core.protocol.McpException;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import java.util.function.Consumer;

/**
 * A backend client behind its circuit breaker: while the backend is down, requests and session opens fail at once
 * with a {@link BackendException} naming it; otherwise each outcome feeds the {@link HealthMachine} and each request
 * is timed into {@code mcp_backend_request_seconds}.
 */
public final class GuardedBackendClient implements BackendClient {
  private final BackendClient delegate;
  private final HealthMachine health;
  private final GatewayMetrics metrics;
  private final boolean breaks;
  private final Consumer<HealthMachine.Change> changes;

  /**
   * @param breaks  whether failed calls count against the backend (false for a backend without a probe, which
   *                nothing would bring back)
   * @param changes told when a live call took the backend down
   */
  public GuardedBackendClient(BackendClient delegate, HealthMachine health, GatewayMetrics metrics, boolean breaks,
                              Consumer<HealthMachine.Change> changes) {
    this.delegate = delegate;
    this.health = health;
    this.metrics = metrics;
    this.breaks = breaks;
    this.changes = changes;
  }

  /** The unguarded client (the probe's). */
  public BackendClient delegate() {
    return delegate;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public BackendOptions options() {
    return delegate.options();
  }

  @Override
  public Future<BackendSession> open(JsonObject clientInfo, JsonObject clientCapabilities) {
    if (!health.up()) {
      return unavailable();
    }
    return observed("initialize", System.nanoTime(), delegate.open(clientInfo, clientCapabilities));
  }

  @Override
  public Future<BackendSession> open(JsonObject clientInfo, JsonObject clientCapabilities, String authorization) {
    if (!health.up()) {
      return unavailable();
    }
    return observed("initialize", System.nanoTime(), delegate.open(clientInfo, clientCapabilities, authorization));
  }

  @Override
  public void authorize(String sessionId, String authorization) {
    delegate.authorize(sessionId, authorization);
  }

  @Override
  public Future<JsonObject> request(String sessionId, String method, JsonObject params, Handler<JsonObject> onMessage) {
    if (!health.up()) {
      return unavailable();
    }
    return observed(method, System.nanoTime(), delegate.request(sessionId, method, params, onMessage));
  }

  @Override
  public Future<JsonObject> request(String sessionId, Object requestId, String method, JsonObject params,
                                   Handler<JsonObject> onMessage) {
    if (!health.up()) {
      return unavailable();
    }
    return observed(method, System.nanoTime(), delegate.request(sessionId, requestId, method, params, onMessage));
  }

  @Override
  public Future<Void> cancel(String sessionId, Object requestId, String reason) {
    return delegate.cancel(sessionId, requestId, reason);
  }

  @Override
  public Future<BackendStream> listen(String sessionId, Handler<JsonObject> onMessage) {
    return delegate.listen(sessionId, onMessage);
  }

  @Override
  public Future<Void> send(String sessionId, JsonObject message) {
    return delegate.send(sessionId, message);
  }

  @Override
  public Future<Void> close(String sessionId) {
    return delegate.close(sessionId);
  }

  @Override
  public Future<Void> shutdown() {
    return delegate.shutdown();
  }

  private <T> Future<T> unavailable() {
    return Future.failedFuture(new BackendException(delegate.name(), BackendException.Kind.UNAVAILABLE,
      "unavailable (circuit open)"));
  }

  private <T> Future<T> observed(String method, long start, Future<T> outcome) {
    return outcome.andThen(ar -> {
      metrics.backendRequest(delegate.name(), method, System.nanoTime() - start);
      if (ar.succeeded() || ar.cause() instanceof McpException) {
        health.callSucceeded();
      } else if (breaks && CallOutcomes.countsAgainst(ar.cause())) {
        HealthMachine.Change change = health.callFailed();
        if (change != HealthMachine.Change.NONE) {
          changes.accept(change);
        }
      }
    });
  }
}
