package dev.switchboard.core.impl;

import dev.switchboard.core.audit.AuditLog;
import dev.switchboard.core.backend.BackendClient;
import dev.switchboard.core.backend.BackendOptions;
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
import java.util.function.Function;

/**
 * The configured backends with their health. Each backend's client is guarded by its circuit breaker
 * ({@link GuardedBackendClient}); live calls and an active probe ({@link HealthProbe}, started by
 * {@link #startProbes}) feed one {@link HealthMachine} per backend. A backend that goes down or comes back is logged
 * and reported to the change listener.
 */
final class BackendRegistry {
  private static final System.Logger LOG = System.getLogger(BackendRegistry.class.getName());

  /** Replaced as a whole on reconfiguration (copy on write); read once per operation. */
  private volatile Map<String, Backend> backends;
  /** Backends removed or replaced by a reconfiguration: kept until their in-flight calls had time to finish. */
  private final Map<String, BackendClient> retired = new java.util.concurrent.ConcurrentHashMap<>();
  private final Vertx vertx;
  private final JsonObject clientInfo;
  private final GatewayMetrics metrics;
  private final CallObserver observer;
  private volatile BiConsumer<String, Boolean> changes = (name, up) -> { };

  BackendRegistry(Vertx vertx, List<BackendClient> clients, JsonObject clientInfo, GatewayMetrics metrics) {
    this.vertx = vertx;
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

  /**
   * Applies a new backend list: unchanged backends keep their client, health and sessions; added and changed ones get
   * a new client (probed at once); removed and replaced clients are retired: their probe stops at once, their HTTP
   * client after their timeout, so that calls in flight finish.
   *
   * @return the names of the backends removed or replaced
   */
  synchronized List<String> reconfigure(List<BackendOptions> next, Function<BackendOptions, BackendClient> create) {
    Map<String, Backend> current = backends;
    Map<String, Backend> updated = new LinkedHashMap<>();
    List<Backend> gone = new ArrayList<>();
    for (BackendOptions options : next) {
      Backend old = current.get(options.name());
      if (old != null && old.guarded.options().equals(options)) {
        updated.put(options.name(), old);
        continue;
      }
      if (old != null) {
        gone.add(old);
        metrics.backendRemoved(options.name());
      }
      Backend added = new Backend(vertx, create.apply(options));
      updated.put(options.name(), added);
      added.probe.start();
    }
    current.forEach((name, old) -> {
      if (!updated.containsKey(name)) {
        gone.add(old);
        metrics.backendRemoved(name);
      }
    });
    backends = updated;
    for (Backend old : gone) {
      String name = old.guarded.name();
      retired.put(name, old.guarded);
      old.probe.stop();
      vertx.setTimer(old.guarded.options().timeout().toMillis() + 1000, id -> {
        retired.remove(name, old.guarded);
        old.guarded.shutdown();
      });
    }
    return gone.stream().map(b -> b.guarded.name()).toList();
  }

  /** The client of a backend a reconfiguration removed or replaced, while its in-flight calls finish; or null. */
  BackendClient retired(String name) {
    return retired.get(name);
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
    retired.values().forEach(client -> stopped.add(client.shutdown()));
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
