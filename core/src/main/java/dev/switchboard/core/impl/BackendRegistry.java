package dev.switchboard.core.impl;

import dev.switchboard.core.audit.AuditLog;
import dev.switchboard.core.auth.BackendAuthOptions;
import dev.switchboard.core.auth.OutgoingCredentials;
import dev.switchboard.core.backend.BackendClient;
import dev.switchboard.core.backend.BackendException;
import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.backend.BackendTransport;
import dev.switchboard.core.backend.SupervisedBackend;
import dev.switchboard.core.backend.stdio.SessionMode;
import dev.switchboard.core.bus.Identity;
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
import java.util.concurrent.ConcurrentHashMap;
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
  private final Map<String, BackendClient> retired = new ConcurrentHashMap<>();
  private final Vertx vertx;
  private final JsonObject clientInfo;
  private final GatewayMetrics metrics;
  private final CallObserver observer;
  private final Function<List<BackendOptions>, OutgoingCredentials> credentialsFor;
  /** Replaced with the backends on reconfiguration; null: no backend gets credentials. */
  private volatile OutgoingCredentials credentials;
  /** What {@link #credentials} was built from: each backend's {@code auth}, by name. */
  private Map<String, BackendAuthOptions> credentialsConfig;
  private volatile BiConsumer<String, Boolean> changes = (name, up) -> { };

  BackendRegistry(Vertx vertx, List<BackendClient> clients, JsonObject clientInfo, GatewayMetrics metrics) {
    this(vertx, clients, clientInfo, metrics, backends -> null);
  }

  /** @param credentialsFor what each backend of a configuration is sent as {@code Authorization} (null: nothing) */
  BackendRegistry(Vertx vertx, List<BackendClient> clients, JsonObject clientInfo, GatewayMetrics metrics,
                  Function<List<BackendOptions>, OutgoingCredentials> credentialsFor) {
    this.vertx = vertx;
    this.clientInfo = clientInfo;
    this.metrics = metrics;
    this.observer = new CallObserver(metrics, AuditLog.of(vertx), TraceContext::currentHeader);
    this.credentialsFor = credentialsFor;
    List<BackendOptions> configured = clients.stream().map(BackendClient::options).toList();
    this.credentials = credentialsFor.apply(configured);
    this.credentialsConfig = credentialsConfig(configured);
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

  /**
   * The {@code Authorization} value for a backend on behalf of a caller (null: none). A failure to obtain it is a
   * {@link BackendException} naming the backend, so that a tool call turns it into an error result.
   */
  Future<String> authorization(String backend, Identity caller) {
    OutgoingCredentials current = credentials;
    if (current == null) {
      return Future.succeededFuture();
    }
    return current.authorization(backend, caller).recover(err -> Future.failedFuture(new BackendException(backend,
      BackendException.Kind.CREDENTIALS, "could not obtain credentials: " + err.getMessage())));
  }

  private static Map<String, BackendAuthOptions> credentialsConfig(List<BackendOptions> backends) {
    Map<String, BackendAuthOptions> config = new LinkedHashMap<>();
    backends.forEach(b -> config.put(b.name(), b.auth()));
    return config;
  }

  /** True when a backend's credentials depend on the caller: its catalog is read per session, never at start-up. */
  boolean perCaller(String backend) {
    OutgoingCredentials current = credentials;
    return current != null && current.perCaller(backend);
  }

  GatewayMetrics metrics() {
    return metrics;
  }

  /** Records routed calls (metrics, audit). */
  CallObserver observer() {
    return observer;
  }

  /** The backend did not answer at start-up: down, and probed at every interval until it answers. */
  void downAtStartUp(String name, Throwable cause) {
    Backend backend = backends.get(name);
    if (backend != null && backend.probed) {
      backend.health.failedAtStartUp();
      LOG.log(System.Logger.Level.WARNING, "backend ''{0}'' is unavailable at start-up: {1}; left out and probed",
        name, cause.getMessage());
    } else if (backend != null) {
      LOG.log(System.Logger.Level.WARNING, "backend ''{0}'' failed at start-up: {1}", name, cause.getMessage());
    }
  }

  /**
   * Applies a new backend list: unchanged backends keep their client, health and sessions; added and changed ones get
   * a new client (probed at once); removed and replaced clients are retired: their probe stops at once, their HTTP
   * client after their timeout, so that calls in flight finish. Outgoing credentials are rebuilt when some backend's
   * {@code auth} changed (their token caches start empty; the old ones are closed once the longest backend or token
   * timeout has passed), else kept with their cached tokens.
   *
   * @return the names of the backends removed or replaced
   */
  synchronized List<String> reconfigure(List<BackendOptions> next, Function<BackendOptions, BackendClient> create) {
    Map<String, BackendAuthOptions> nextConfig = credentialsConfig(next);
    if (!nextConfig.equals(credentialsConfig)) {
      OutgoingCredentials oldCredentials = credentials;
      credentials = credentialsFor.apply(next);
      credentialsConfig = nextConfig;
      if (oldCredentials != null) {
        long grace = Math.max(next.stream().mapToLong(b -> b.timeout().toMillis()).max().orElse(0),
          nextConfig.values().stream().mapToLong(a -> a.timeout().toMillis()).max().orElse(0)) + 1000;
        vertx.setTimer(grace, id -> oldCredentials.close());
      }
    }
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
      added.startProbe();
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
    backends.values().forEach(Backend::startProbe);
  }

  /** Probes every backend once now (tests, and a backend that should be tried at once). */
  Future<Void> probeAll() {
    return Future.join(backends.values().stream().filter(b -> b.probed).map(b -> b.probe.probe()).toList())
      .mapEmpty();
  }

  Future<Void> shutdown() {
    List<Future<?>> stopped = new ArrayList<>();
    for (Backend backend : backends.values()) {
      metrics.backendRemoved(backend.guarded.name());
      stopped.add(backend.probe.stop().eventually(backend.guarded::shutdown));
    }
    retired.values().forEach(client -> stopped.add(client.shutdown()));
    OutgoingCredentials current = credentials;
    if (current != null) {
      stopped.add(current.close());
    }
    return Future.join(stopped).mapEmpty();
  }

  private void changed(String name, HealthMachine.Change change) {
    if (change == HealthMachine.Change.NONE) {
      return;
    }
    boolean up = change == HealthMachine.Change.CAME_UP;
    if (up) {
      LOG.log(System.Logger.Level.INFO, "backend ''{0}'' is back; it is put back into the sessions", name);
    } else {
      LOG.log(System.Logger.Level.WARNING, "backend ''{0}'' is down; its items are taken out of the sessions and "
        + "its calls fail at once until it is back", name);
    }
    changes.accept(name, up);
  }

  /**
   * Whether a backend gets an active probe and a circuit breaker: not when its credentials depend on the caller
   * (nothing to probe with) nor when each session has a process of its own (a probe would hold one); such a backend
   * is never marked down as a whole.
   */
  private boolean probed(BackendClient client) {
    BackendOptions options = client.options();
    boolean perSessionProcess = options.transport() == BackendTransport.STDIO
      && options.stdio().sessionMode() == SessionMode.PER_SESSION;
    return !perSessionProcess && !perCaller(client.name());
  }

  /** One backend: its guarded client, health state and probe. */
  private final class Backend {
    final HealthMachine health;
    final GuardedBackendClient guarded;
    final HealthProbe probe;
    final boolean probed;

    Backend(Vertx vertx, BackendClient client) {
      String name = client.name();
      this.probed = probed(client);
      this.health = new HealthMachine(client.options().health(), client.options().circuitBreaker(), System::nanoTime);
      this.guarded = new GuardedBackendClient(client, health, metrics, probed, change -> changed(name, change));
      this.probe = new HealthProbe(vertx, client, health, client.options().health(), clientInfo,
        () -> authorization(name, null), change -> changed(name, change));
      metrics.backendState(name, () -> health.up() ? 1 : 0, () -> health.state().gauge());
      if (client instanceof SupervisedBackend supervised) {
        supervised.watchAvailability(new SupervisedBackend.AvailabilityListener() {
          @Override
          public void down(Throwable cause) {
            LOG.log(System.Logger.Level.WARNING, "backend ''{0}'': its process is down: {1}", name,
              cause.getMessage());
            changed(name, health.supervisedDown());
          }

          @Override
          public void up() {
            changed(name, health.supervisedUp());
          }
        });
      }
    }

    void startProbe() {
      if (probed) {
        probe.start();
      }
    }
  }
}
