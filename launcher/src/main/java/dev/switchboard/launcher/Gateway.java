package dev.switchboard.launcher;

import dev.switchboard.core.CoreOptions;
import dev.switchboard.core.CoreServices;
import dev.switchboard.core.Version;
import dev.switchboard.core.auth.CallerTokens;
import dev.switchboard.core.bus.CoreBus;
import dev.switchboard.core.bus.LoopAddressBook;
import dev.switchboard.launcher.config.GatewayConfig;
import dev.switchboard.launcher.ops.GatewayOperations;
import dev.switchboard.launcher.ops.MetricsSetup;
import dev.switchboard.session.EventLog;
import dev.switchboard.session.SessionSignals;
import dev.switchboard.session.SessionStore;
import dev.switchboard.session.SessionStores;
import dev.switchboard.transport.ServerDescription;
import dev.switchboard.transport.TransportOptions;
import dev.switchboard.transport.TransportVerticle;
import dev.switchboard.transport.auth.IncomingAuth;
import dev.switchboard.transport.limits.SessionQuota;
import dev.switchboard.transport.session.SessionManager;
import dev.switchboard.transport.stateless.StatelessEndpoint;
import dev.switchboard.transport.streamable.StreamRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.internal.VertxInternal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A running gateway inside a Vert.x instance: the session store, the core services with their core verticles, the
 * session-ID manager and one transport verticle per event loop. Used by the launcher and by tests.
 */
public final class Gateway {
  /** How much longer than the slowest backend a transport waits for core. */
  private static final Duration CORE_REPLY_SLACK = Duration.ofSeconds(5);

  private final Vertx vertx;
  private final CoreServices core;
  private final Closeables closeables;
  private final SessionManager sessions;
  private final List<String> deployments;
  private final TransportOptions transport;
  private final int port;

  private Gateway(Vertx vertx, CoreServices core, Closeables closeables, SessionManager sessions,
                  List<String> deployments, TransportOptions transport, int port) {
    this.vertx = vertx;
    this.core = core;
    this.closeables = closeables;
    this.sessions = sessions;
    this.deployments = deployments;
    this.transport = transport;
    this.port = port;
  }

  /** Starts everything; fails (and releases what it started) when the configuration cannot work. */
  public static Future<Gateway> start(Vertx vertx, GatewayConfig config) {
    return start(vertx, config, null);
  }

  /**
   * Like {@link #start(Vertx, GatewayConfig)}, recording the MCP metrics into {@code registry}: the one Vert.x
   * records its own metrics into (see {@link MetricsSetup}), or null for a registry of the gateway's own.
   */
  public static Future<Gateway> start(Vertx vertx, GatewayConfig config, PrometheusMeterRegistry registry) {
    int loops = eventLoops(vertx);
    int instances = config.server().instances() > 0 ? config.server().instances() : loops;
    // A core on every loop (as many instances as loops or more): each backend gets one connection pool per loop.
    CoreOptions coreOptions = new CoreOptions(config.backends(), config.aggregation(), config.authorization())
      .withSessionLimits(config.limits().maxConcurrentRequestsPerSession(), config.limits().backendSharePerSession())
      .withPoolPerLoop(instances >= loops);
    GatewayOperations ops;
    try {
      ops = GatewayOperations.install(vertx, config.operations(), registry);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    SessionStore store = SessionStores.create(vertx, config.sessions());
    int cacheSize = config.incomingAuth().tokenCacheSize();
    CallerTokens callers = new CallerTokens(cacheSize > 0 ? cacheSize : CallerTokens.DEFAULT_MAX_ENTRIES);
    return IncomingAuth.start(vertx, config.incomingAuth(), callers)
      .recover(err -> store.close().eventually(ops::close).transform(v -> Future.failedFuture(
        new IllegalStateException("auth.incoming: cannot load the authorization server's metadata or keys: "
          + err.getMessage()))))
      .compose(auth -> start(vertx, config, coreOptions, store, instances, auth, callers, ops));
  }

  private static Future<Gateway> start(Vertx vertx, GatewayConfig config, CoreOptions coreOptions, SessionStore store,
                                       int instances, IncomingAuth auth, CallerTokens callers,
                                       GatewayOperations ops) {
    return CoreServices.start(vertx, coreOptions, callers)
      .recover(err -> store.close().eventually(ops::close).transform(v -> Future.<CoreServices>failedFuture(err)))
      .compose(core -> {
      List<String> deployments = new ArrayList<>();
      Duration coreTimeout = coreOptions.longestBackendTimeout().plus(CORE_REPLY_SLACK);
      LoopAddressBook book = new LoopAddressBook();
      CoreBus bus = new CoreBus(vertx, coreTimeout, book);
      EventLog events = SessionStores.eventLog(vertx, config.sessions());
      SessionSignals signals = SessionStores.signals(vertx, config.sessions());
      Readiness readiness = new Readiness(vertx, store);
      StreamRegistry streams = new StreamRegistry(events, StreamRegistry.DEFAULT_RETRY_MILLIS,
        config.limits().maxBufferedBytesPerStream());
      SessionManager sessions = new SessionManager(vertx, store, events, signals, bus,
        config.server().registrationTimeout(), new SessionQuota(config.limits()));
      ops.sessionsActive(sessions::localCount);
      ServerDescription description = new ServerDescription(coreOptions.serverName(), "Switchboard MCP gateway",
        Version.current(), null);
      StatelessEndpoint.Shared stateless = StatelessEndpoint.Shared.create(vertx, bus, config.server().stateless(),
        config.limits(), sessions.instanceLink());
      ops.statelessHeld(stateless.held()::size, stateless.bridge()::size, stateless.listens()::size);
      return ops.routes(readiness::ready, core::backendStatuses).compose(routes -> {
        TransportParts parts = new TransportParts(core, coreTimeout, book, sessions, streams, description, auth, routes,
          stateless);
        return deployLoops(vertx, config.server(), parts, instances, deployments);
      })
        .map(port -> new Gateway(vertx, core, new Closeables(store, events, signals, readiness, ops, stateless),
          sessions, deployments, config.server(), port))
        .recover(err -> {
          sessions.close();
          stateless.close();
          return Future.join(deployments.stream().map(vertx::undeploy).toList())
            .eventually(() -> core.shutdown()).eventually(store::close).eventually(events::close)
            .eventually(signals::close).eventually(readiness::close).eventually(ops::close)
            .transform(v -> Future.failedFuture(err));
        });
    });
  }

  /** How many event loops {@code vertx} has. */
  private static int eventLoops(Vertx vertx) {
    int loops = 0;
    for (EventExecutor ignored : ((VertxInternal) vertx).nettyEventLoopGroup()) {
      loops++;
    }
    return Math.max(1, loops);
  }

  /**
   * Deploys one {@link LoopVerticle} per event loop (a core and a transport verticle sharing a context), all
   * listening on one port. Vert.x shares a listening socket between verticles only when they ask for the same
   * concrete port, so port 0 is first resolved to a free port (tried again if it is taken in between).
   */
  private static Future<Integer> deployLoops(Vertx vertx, TransportOptions options, TransportParts parts,
                                             int instances, List<String> deployments) {
    return deployLoops(vertx, options, parts, instances, deployments, 3);
  }

  private static Future<Integer> deployLoops(Vertx vertx, TransportOptions options, TransportParts parts,
                                             int instances, List<String> deployments, int attempts) {
    int port = options.port() == 0 ? FreePort.find(options.host()) : options.port();
    TransportOptions bound = options.withPort(port);
    return vertx.deployVerticle(() -> new LoopVerticle(parts.core(), parts.coreTimeout(), parts.book(),
          bus -> new TransportVerticle(bound, parts.sessions(), bus, parts.streams(), parts.description(),
            parts.auth(), parts.routes(), parts.stateless())),
        new DeploymentOptions().setInstances(instances))
      .map(id -> {
        deployments.add(id);
        return port;
      })
      .recover(err -> options.port() == 0 && attempts > 1
        ? deployLoops(vertx, options, parts, instances, deployments, attempts - 1)
        : Future.failedFuture(err));
  }

  /** What the gateway releases last, in this order. */
  private record Closeables(SessionStore store, EventLog events, SessionSignals signals, Readiness readiness,
                            GatewayOperations ops, StatelessEndpoint.Shared stateless) {
    Future<Void> close() {
      return store.close().eventually(events::close).eventually(signals::close).eventually(readiness::close)
        .eventually(ops::close);
    }
  }

  /** What every transport verticle shares. */
  private record TransportParts(CoreServices core, Duration coreTimeout, LoopAddressBook book, SessionManager sessions,
                                StreamRegistry streams, ServerDescription description, IncomingAuth auth,
                                Function<String, Handler<HttpServerRequest>> routes,
                                StatelessEndpoint.Shared stateless) {
  }

  public int port() {
    return port;
  }

  /** The MCP endpoint URL. */
  public String url() {
    String host = transport.host().contains(":") ? "[" + transport.host() + "]" : transport.host();
    if ("0.0.0.0".equals(host)) {
      host = "127.0.0.1";
    }
    return "http://" + host + ":" + port + transport.path();
  }

  /** The management listener's port, or -1 when {@code /metrics} and {@code /health/*} are on the MCP port. */
  public int managementPort() {
    return closeables.ops().managementPort();
  }

  public CoreServices core() {
    return core;
  }

  public SessionManager sessions() {
    return sessions;
  }

  /** Undeploys the verticles and closes the store and the backend clients. */
  public Future<Void> stop() {
    sessions.close();
    closeables.stateless().close();
    List<Future<?>> undeployed = new ArrayList<>();
    for (int i = deployments.size() - 1; i >= 0; i--) {
      undeployed.add(vertx.undeploy(deployments.get(i)));
    }
    return Future.join(undeployed).eventually(core::shutdown).eventually(closeables::close).mapEmpty();
  }
}
