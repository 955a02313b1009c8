package dev.switchboard.launcher.ops;

import dev.switchboard.core.audit.AuditLog;
import dev.switchboard.core.catalog.NameCollisions;
import dev.switchboard.core.health.BackendStatus;
import dev.switchboard.core.metrics.GatewayMetrics;
import dev.switchboard.core.metrics.impl.MicrometerGatewayMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * One gateway's metrics and audit log, installed in its Vert.x instance so that core and transport find them
 * ({@link GatewayMetrics#of}, {@link AuditLog#of}), and its management listener. Closed with the gateway.
 */
public final class GatewayOperations {
  private static final System.Logger LOG = System.getLogger(GatewayOperations.class.getName());

  private final Vertx vertx;
  private final OperationsOptions options;
  private final PrometheusMeterRegistry registry;
  private final GatewayMetrics metrics;
  private final AuditLog audit;
  private ManagementServer management;

  private GatewayOperations(Vertx vertx, OperationsOptions options, PrometheusMeterRegistry registry,
                            AuditLog audit) {
    this.vertx = vertx;
    this.options = options;
    this.registry = registry;
    this.metrics = registry == null ? GatewayMetrics.noop() : GatewayMetrics.micrometer(registry);
    this.audit = audit;
  }

  /**
   * Installs metrics (into {@code registry}, or a registry of its own when null and metrics are on) and the audit
   * log. Fails with the audit target's problem when it cannot be opened.
   */
  public static GatewayOperations install(Vertx vertx, OperationsOptions options, PrometheusMeterRegistry registry) {
    PrometheusMeterRegistry used = !options.metricsEnabled() ? null
      : registry != null ? registry : MetricsSetup.newRegistry();
    AuditLog audit = AuditLog.create(options.audit(), instanceName());
    GatewayOperations ops = new GatewayOperations(vertx, options, used, audit);
    GatewayMetrics.install(vertx, ops.metrics);
    AuditLog.install(vertx, audit);
    return ops;
  }

  /** A name for this process in audit lines: {@code HOSTNAME} when set, and the process id. */
  static String instanceName() {
    String host = System.getenv("HOSTNAME");
    long pid = ProcessHandle.current().pid();
    return host == null || host.isBlank() ? "pid-" + pid : host + "-" + pid;
  }

  public GatewayMetrics metrics() {
    return metrics;
  }

  /** The Prometheus registry, or null when metrics are off. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public void sessionsActive(IntSupplier count) {
    metrics.sessionsActive(count);
  }

  /** See {@link GatewayMetrics#statelessHeld}. */
  public void statelessHeld(IntSupplier heldSessions, IntSupplier calls, IntSupplier listenStreams) {
    metrics.statelessHeld(heldSessions, calls, listenStreams);
  }

  /**
   * The operator's routes for the MCP port: {@code /metrics} and {@code /health/*}, unless a management listener
   * serves them (it is then started, and the MCP port serves none of them).
   */
  public Future<Function<String, Handler<HttpServerRequest>>> routes(BooleanSupplier storeAnswers,
                                                                    Supplier<List<BackendStatus>> backends) {
    Supplier<List<String>> collisions = NameCollisions.of(vertx)::current;
    if (options.management() == null) {
      return Future.succeededFuture(new OpsRoutes(registry, this::exposition, storeAnswers, backends, collisions));
    }
    return ManagementServer.start(vertx, options.management(), new OpsRoutes(registry, this::exposition, storeAnswers,
        backends, collisions))
      .map(server -> {
        management = server;
        LOG.log(System.Logger.Level.INFO, "management endpoints (/metrics, /health/*) on {0}:{1,number,#}",
          options.management().host(), server.port());
        return path -> null;
      });
  }

  private String exposition() {
    return metrics instanceof MicrometerGatewayMetrics micrometer ? micrometer.exposition() : "";
  }

  /** The management listener's port, or -1 without one. */
  public int managementPort() {
    return management == null ? -1 : management.port();
  }

  /** Uninstalls metrics and audit log, writes the queued audit lines, stops the management listener. */
  public Future<Void> close() {
    GatewayMetrics.install(vertx, null);
    AuditLog.install(vertx, null);
    Future<Void> stopped = management == null ? Future.succeededFuture() : management.stop();
    return stopped.eventually(() -> vertx.executeBlocking(() -> {
      audit.close();
      return null;
    })).mapEmpty();
  }
}
