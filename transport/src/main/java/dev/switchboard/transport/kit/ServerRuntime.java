package dev.switchboard.transport.kit;

import dev.switchboard.core.protocol.JsonRpc;
import dev.switchboard.core.protocol.McpMethod;
import dev.switchboard.session.memory.InMemoryEventLog;
import dev.switchboard.transport.limits.LimitsOptions;
import dev.switchboard.transport.streamable.HostGuard;
import dev.switchboard.transport.streamable.SessionIds;
import dev.switchboard.transport.streamable.StreamRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * A started {@link McpServer}: the HTTP server, the session table (bounded, idle sessions swept) and the counters.
 * Session state is only touched on the event loop of {@link #context}; public methods hop onto it.
 */
final class ServerRuntime implements RunningServer {
  private static final System.Logger LOG = System.getLogger(ServerRuntime.class.getName());

  private final McpServer server;
  private final Vertx vertx;
  private final Context context;
  private final String host;
  private final String path;
  private final McpServerOptions options;
  private final HostGuard guard;
  private final Dispatcher dispatcher;
  private final StreamRegistry streams;
  private final Map<String, ServerSession> sessions = new HashMap<>();
  private final Map<String, LongAdder> requestCounts = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> notificationCounts = new ConcurrentHashMap<>();
  private final List<Handler<ReceivedNotification>> listeners = new CopyOnWriteArrayList<>();
  private volatile int sessionCount;
  private Thread eventLoop;
  private HttpServer httpServer;
  private int port;
  private long sweepTimer = -1;

  ServerRuntime(McpServer server, Vertx vertx, Context context, String host, String path) {
    this.server = server;
    this.vertx = vertx;
    this.context = context;
    this.host = host;
    this.path = path;
    this.options = server.settings();
    this.guard = new HostGuard(options.getAllowedHosts(), options.getAllowedOrigins());
    this.dispatcher = new Dispatcher(this);
    this.streams = new StreamRegistry(new InMemoryEventLog(options.getMaxEventLogEvents()),
      options.getSseRetry().toMillis(), LimitsOptions.DEFAULT_MAX_BUFFERED_BYTES_PER_STREAM);
  }

  /** Called on {@link #context}. */
  Future<RunningServer> start(int requestedPort) {
    eventLoop = Thread.currentThread();
    httpServer = vertx.createHttpServer();
    httpServer.requestHandler(new KitEndpoint(this));
    return httpServer.listen(requestedPort, host).map(listening -> {
      port = listening.actualPort();
      long sweepMillis = Math.max(1_000, Math.min(60_000, options.getSessionIdleTimeout().toMillis() / 2));
      sweepTimer = vertx.setPeriodic(sweepMillis, t -> sweepIdleSessions());
      return this;
    });
  }

  McpServer server() {
    return server;
  }

  Vertx vertx() {
    return vertx;
  }

  McpServerOptions options() {
    return options;
  }

  HostGuard guard() {
    return guard;
  }

  /** The sessions' SSE streams and their event log, for resumption. */
  StreamRegistry streams() {
    return streams;
  }

  Dispatcher dispatcher() {
    return dispatcher;
  }

  String path() {
    return path;
  }

  /** Runs {@code action} on the server's event loop: now if already there. */
  void onContext(Runnable action) {
    if (Thread.currentThread() == eventLoop) {
      action.run();
    } else {
      context.runOnContext(v -> action.run());
    }
  }

  private <T> Future<T> onContextFuture(Supplier<T> action) {
    Promise<T> promise = Promise.promise();
    onContext(() -> promise.complete(action.get()));
    return promise.future();
  }

  /** A new session, or null when {@code maxSessions} are open. */
  ServerSession createSession(String protocolVersion, JsonObject clientCapabilities) {
    if (sessions.size() >= options.getMaxSessions()) {
      return null;
    }
    ServerSession session = new ServerSession(SessionIds.generate(), protocolVersion, clientCapabilities, this);
    sessions.put(session.id(), session);
    sessionCount = sessions.size();
    return session;
  }

  ServerSession session(String id) {
    return sessions.get(id);
  }

  void removeSession(ServerSession session) {
    sessions.remove(session.id());
    sessionCount = sessions.size();
    session.close();
    streams.log().delete(session.id());
  }

  void countRequest(String method) {
    requestCounts.computeIfAbsent(method, m -> new LongAdder()).increment();
  }

  void notificationReceived(ServerSession session, String method, JsonObject params) {
    notificationCounts.computeIfAbsent(method, m -> new LongAdder()).increment();
    ReceivedNotification received = new ReceivedNotification(session.id(), method, params);
    for (Handler<ReceivedNotification> listener : listeners) {
      try {
        listener.handle(received);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "Notification listener failed", e);
      }
    }
  }

  private void sweepIdleSessions() {
    long timeoutNanos = options.getSessionIdleTimeout().toNanos();
    for (ServerSession session : new ArrayList<>(sessions.values())) {
      if (session.idleFor(timeoutNanos)) {
        removeSession(session);
      }
    }
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public String url() {
    String authority = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return "http://" + authority + ":" + port + path;
  }

  @Override
  public Future<Integer> notifyAll(String method, JsonObject params) {
    JsonObject notification = JsonRpc.notification(method, params);
    return onContextFuture(() -> {
      int delivered = 0;
      for (ServerSession session : sessions.values()) {
        delivered += session.push(notification) ? 1 : 0;
      }
      return delivered;
    });
  }

  @Override
  public Future<Integer> resourceUpdated(String uri) {
    JsonObject notification = JsonRpc.notification(McpMethod.NOTIFICATION_RESOURCES_UPDATED,
      new JsonObject().put("uri", uri));
    return onContextFuture(() -> {
      int delivered = 0;
      for (ServerSession session : sessions.values()) {
        delivered += session.subscribed(uri) && session.push(notification) ? 1 : 0;
      }
      return delivered;
    });
  }

  @Override
  public void onNotification(Handler<ReceivedNotification> listener) {
    listeners.add(listener);
  }

  @Override
  public long requestCount(String method) {
    LongAdder count = requestCounts.get(method);
    return count == null ? 0 : count.sum();
  }

  @Override
  public long notificationCount(String method) {
    LongAdder count = notificationCounts.get(method);
    return count == null ? 0 : count.sum();
  }

  @Override
  public int sessionCount() {
    return sessionCount;
  }

  @Override
  public Future<Void> close() {
    Promise<Void> promise = Promise.promise();
    onContext(() -> {
      vertx.cancelTimer(sweepTimer);
      for (ServerSession session : new ArrayList<>(sessions.values())) {
        removeSession(session);
      }
      httpServer.close().onComplete(promise);
    });
    return promise.future();
  }
}
