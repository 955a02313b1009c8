package dev.switchboard.core.impl;

import dev.switchboard.core.CoreOptions;
import dev.switchboard.core.CoreServices;
import dev.switchboard.core.auth.AccessPolicy;
import dev.switchboard.core.auth.AuthorizationOptions;
import dev.switchboard.core.auth.CallerTokens;
import dev.switchboard.core.auth.OutgoingCredentials;
import dev.switchboard.core.backend.BackendClient;
import dev.switchboard.core.backend.BackendClients;
import dev.switchboard.core.bus.ClientMessage;
import dev.switchboard.core.bus.CloseSession;
import dev.switchboard.core.bus.CoreBus;
import dev.switchboard.core.bus.CoreCall;
import dev.switchboard.core.bus.CoreReply;
import dev.switchboard.core.bus.ListenSession;
import dev.switchboard.core.bus.OpenSession;
import dev.switchboard.core.bus.SessionContext;
import dev.switchboard.core.bus.SessionOpened;
import dev.switchboard.core.bus.StopListening;
import dev.switchboard.core.catalog.BackendCatalog;
import dev.switchboard.core.catalog.CapabilityView;
import dev.switchboard.core.catalog.CatalogKind;
import dev.switchboard.core.catalog.NameCollisions;
import dev.switchboard.core.fairness.CallPermits;
import dev.switchboard.core.health.BackendStatus;
import dev.switchboard.core.metrics.GatewayMetrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The core's shared services; see {@link CoreServices}. */
public final class DefaultCoreServices implements CoreServices {
  private static final System.Logger LOG = System.getLogger(DefaultCoreServices.class.getName());

  private final Vertx vertx;
  private final BackendRegistry registry;
  private final SessionOpener opener;
  private final CallRouter router;
  private final ClientMessages clientMessages;
  private final SessionListeners listeners;
  private final ViewBuilder views;
  private final CatalogCache catalogs;
  private final CallGuard guard;
  private final CallerTokens callers;
  /** From the start-up options: a reload keeps it (it is how the gateway deployed, not a backend setting). */
  private final boolean poolPerLoop;
  private AuthorizationOptions authorization;

  private DefaultCoreServices(Vertx vertx, CoreOptions options, BackendRegistry registry, SessionOpener opener,
                              ViewBuilder views, CatalogCache catalogs, CallerTokens callers) {
    this.callers = callers;
    this.poolPerLoop = options.poolPerLoop();
    this.authorization = options.authorization();
    this.guard = new CallGuard(AccessPolicy.compile(options.authorization(), callers));
    this.vertx = vertx;
    this.registry = registry;
    this.opener = opener;
    CoreBus bus = new CoreBus(vertx, options.longestBackendTimeout());
    StreamRelay relay = new StreamRelay(bus);
    CallPermits permits = new CallPermits(options.maxConcurrentRequestsPerSession(),
      options.backendSharePerSession());
    this.router = new CallRouter(registry, opener, relay, permits, guard);
    this.clientMessages = new ClientMessages(registry, permits);
    this.views = views;
    this.catalogs = catalogs;
    this.listeners = new SessionListeners(registry, views, relay, bus, opener, catalogs);
    registry.onChange(listeners::backendChanged);
    opener.onLateJoin(listeners::lateJoin);
    registry.startProbes();
  }

  /** See {@link CoreServices#start}. */
  public static Future<CoreServices> start(Vertx vertx, CoreOptions options) {
    return start(vertx, options, new CallerTokens());
  }

  /** See {@link CoreServices#start(Vertx, CoreOptions, CallerTokens)}. */
  public static Future<CoreServices> start(Vertx vertx, CoreOptions options, CallerTokens callers) {
    CoreBus.registerCodecs(vertx);
    List<BackendClient> clients = options.backends().stream()
      .map(b -> BackendClients.create(vertx, b, options.poolPerLoop())).toList();
    JsonObject clientInfo = new JsonObject().put("name", options.serverName()).put("version", options.serverVersion());
    BackendRegistry registry = new BackendRegistry(vertx, clients, clientInfo, GatewayMetrics.of(vertx),
      backends -> OutgoingCredentials.create(vertx, backends, callers));
    ViewBuilder views = new ViewBuilder(options.aggregation(), NameCollisions.of(vertx));
    CatalogCache cache = new CatalogCache(options.aggregation().catalogCacheTtl(),
      options.aggregation().maxCachedCatalogs());
    SessionOpener opener = new SessionOpener(registry, views, cache);
    List<Future<BackendCatalog>> probes = new ArrayList<>();
    List<String> probed = new ArrayList<>();
    for (BackendClient client : clients) {
      if (registry.perCaller(client.name())) {
        continue; // its catalog depends on the caller's credentials: read per session
      }
      probed.add(client.name());
      probes.add(opener.fresh(client, "at start-up", new JsonObject()).compose(opened ->
        client.close(StoredIds.fromStored(opened.storedSessionId())).otherwiseEmpty().map(v -> opened.catalog())));
    }
    return Future.join(probes).transform(ignored -> {
      for (int i = 0; i < probes.size(); i++) {
        if (probes.get(i).failed()) {
          registry.downAtStartUp(probed.get(i), probes.get(i).cause());
        }
      }
      List<BackendCatalog> catalogs = probes.stream().filter(Future::succeeded).map(Future::result).toList();
      try {
        CapabilityView view = views.buildStrict(catalogs);
        LOG.log(System.Logger.Level.INFO, "backends up: {0} of {1}; {2} tools, {3} resources, {4} templates, "
            + "{5} prompts", registry.up().size(), clients.size(), view.items(CatalogKind.TOOLS).size(),
          view.items(CatalogKind.RESOURCES).size(), view.items(CatalogKind.RESOURCE_TEMPLATES).size(),
          view.items(CatalogKind.PROMPTS).size());
      } catch (RuntimeException e) {
        return registry.shutdown().transform(v -> Future.failedFuture(e));
      }
      return Future.succeededFuture(new DefaultCoreServices(vertx, options, registry, opener, views, cache,
        callers));
    });
  }

  @Override
  public Future<SessionOpened> open(OpenSession request) {
    return opener.open(request).compose(opened -> request.listenAddress() == null
      ? Future.succeededFuture(opened)
      : listeners.listen(new ListenSession(new SessionContext(request.client(), opened.backendSessions(),
        opened.view()), request.listenAddress())).map(opened));
  }

  @Override
  public Future<CoreReply> call(CoreCall call) {
    long start = System.nanoTime();
    try {
      return router.route(call);
    } catch (RuntimeException e) {
      registry.observer().refused(call, start, e);
      return Future.failedFuture(e);
    }
  }

  @Override
  public void clientMessage(ClientMessage message) {
    clientMessages.handle(message);
  }

  @Override
  public void listen(ListenSession request) {
    listeners.listen(request);
  }

  @Override
  public void stopListening(StopListening request) {
    listeners.stop(request.sessionId());
  }

  @Override
  public void close(CloseSession request) {
    listeners.stop(request.session().client().sessionId());
    for (Map.Entry<String, String> entry : request.session().backendSessions().entrySet()) {
      BackendClient client = registry.get(entry.getKey());
      String id = StoredIds.fromStored(entry.getValue());
      if (client != null && id != null) {
        client.close(id).onFailure(err -> LOG.log(System.Logger.Level.DEBUG, "closing a session on ''{0}'': {1}",
          entry.getKey(), err.getMessage()));
      }
    }
  }

  @Override
  public List<String> availableBackends() {
    return registry.up().stream().map(BackendClient::name).toList();
  }

  @Override
  public Future<Void> reconfigure(CoreOptions options) {
    List<String> replaced = registry.reconfigure(options.backends(),
      b -> BackendClients.create(vertx, b, poolPerLoop));
    views.reconfigure(options.aggregation());
    catalogs.configure(options.aggregation().catalogCacheTtl(), options.aggregation().maxCachedCatalogs());
    boolean rulesChanged = !options.authorization().equals(authorization);
    if (rulesChanged) {
      authorization = options.authorization();
      guard.policy(AccessPolicy.compile(authorization, callers));
    }
    LOG.log(System.Logger.Level.INFO, "configuration applied: backends {0}; removed or replaced: {1}",
      options.backends().stream().map(b -> b.name()).toList(), replaced);
    return registry.probeAll().onComplete(done -> listeners.reconfigured(rulesChanged));
  }

  @Override
  public List<BackendStatus> backendStatuses() {
    return registry.statuses();
  }

  @Override
  public Future<Void> shutdown() {
    return registry.shutdown();
  }
}
