package dev.switchboard.core.impl;

import dev.switchboard.core.audit.AuditLog;
import dev.switchboard.core.backend.BackendClient;
import dev.switchboard.core.health.BackendStatus;
import dev.switchboard.core.health.impl.GuardedBackendClient;
import dev.switchboard.core.health.impl.HealthMachine;
import dev.switchboard.core.health.impl.HealthProbe;
import dev.switchboard.core.metrics.GatewayMetrics;
import dev.switchboard.core.observe.CallObserver;
import dev.switchboard.core.trace.TraceContext;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The configured backends with their health. Each backend's client is guarded by its circuit breaker
 * ({@link GuardedBackendClient}); live calls and an active probe ({@link HealthProbe}, started by
 * {@link #startProbes}) feed one {@link HealthMachine} per backend. A backend that goes down or comes back is logged
 * and reported to the change listener.
 */
final class BackendRegistry {
  private static final System.Logger LOG = System.getLogger(BackendRegistry.class.getName());

  private final Map<String, Backend> backends;
  private final JsonObject clientInfo;
  private final GatewayMetrics metrics;
  private final CallObserver observer;
  private volatile BiConsumer<String, Boolean> changes = (name, up) -> { };

  BackendRegistry(Vertx vertx, List<BackendClient> clients, JsonObject clientInfo, GatewayMetrics metrics) {
    this.clientInfo = clientInfo;
    this.metrics = metrics;
    this.observer = new CallObserver(metrics, AuditLog.of(vertx), TraceContext::currentHeader);
    Map<String, Backend> byName = new LinkedHashMap<>();
    for (BackendClient client : clients) {
      byName.put(client.name(), new Backend(vertx, client));
    }
    this.backends = byName;
  }

  /** Who is told when a backend goes down ({@code false}) or comes back ({@code true}). */
  void onChange(BiConsumer<String, Boolean> listener) {
    this.changes = listener;
  }

  BackendClient get(String name) {
    Backend backend = backends.get(name);
    return backend == null ? null : backend.guarded;
  }

  List<BackendClient> all() {
    return backends.values().stream().map(b -> (BackendClient) b.guarded).toList();
  }

  /** The backends that are up, in configuration order. */
  List<BackendClient> up() {
    List<BackendClient> up = new ArrayList<>(backends.size());
    for (Backend backend : backends.values()) {
      if (backend.health.up()) {
        up.add(backend.guarded);
      }
    }
    return up;
  }

  boolean isUp(String name) {
    Backend backend = backends.get(name);
    return backend != null && backend.health.up();
  }

  List<BackendStatus> statuses() {
    return backends.values().stream()
      .map(b -> new BackendStatus(b.guarded.name(), b.health.up(), b.health.state())).toList();
  }

  JsonObject clientInfo() {
    return clientInfo;
  }

  GatewayMetrics metrics() {
    return metrics;
  }

  /** Records routed calls (metrics, audit). */
  CallObserver observer() {
    return observer;
  }

  /** A call or an open failed; the guarded client has already counted it. */
  void markDown(String name, Throwable cause, String when) {
    LOG.log(System.Logger.Level.DEBUG, "backend ''{0}'' failed {1}: {2}", name, when, cause.getMessage());
  }

  /** The backend did not answer at start-up: down, and probed at every interval until it answers. */
  void downAtStartUp(String name, Throwable cause) {
    Backend backend = backends.get(name);
    if (backend != null) {
      backend.health.failedAtStartUp();
      LOG.log(System.Logger.Level.WARNING, "backend ''{0}'' is unavailable at start-up: {1}; left out and probed",
        name, cause.getMessage());
    }
  }

  void startProbes() {
    backends.values().forEach(b -> b.probe.start());
  }

  /** Probes every backend once now (tests, and a backend that should be tried at once). */
  Future<Void> probeAll() {
    return Future.join(backends.values().stream().map(b -> b.probe.probe()).toList()).mapEmpty();
  }

  Future<Void> shutdown() {
    List<Future<?>> stopped = new ArrayList<>();
    for (Backend backend : backends.values()) {
      metrics.backendRemoved(backend.guarded.name());
      stopped.add(backend.probe.stop().eventually(backend.guarded::shutdown));
    }
    return Future.join(stopped).mapEmpty();
  }

  private void changed(String name, HealthMachine.Change change) {
    boolean up = change == HealthMachine.Change.CAME_UP;
    if (up) {
      LOG.log(System.Logger.Level.INFO, "backend ''{0}'' is back; it is put back into the sessions", name);
    } else {
      LOG.log(System.Logger.Level.WARNING, "backend ''{0}'' is down; its items are taken out of the sessions and "
        + "its calls fail at once until it is back", name);
    }
    changes.accept(name, up);
  }

  /** One backend: its guarded client, health state and probe. */
  private final class Backend {
    final HealthMachine health;
    final GuardedBackendClient guarded;
    final HealthProbe probe;

    Backend(Vertx vertx, BackendClient client) {
      this.health = new HealthMachine(client.options().health(), client.options().circuitBreaker(), System::nanoTime);
      this.guarded = new GuardedBackendClient(client, health, metrics, change -> changed(client.name(), change));
      this.probe = new HealthProbe(vertx, client, health, client.options().health(), clientInfo,
        change -> changed(client.name(), change));
      metrics.backendState(client.name(), () -> health.up() ? 1 : 0, () -> health.state().gauge());
    }
  }
}
