package dev.switchboard.launcher;

import dev.switchboard.launcher.config.ConfigLoader;
import dev.switchboard.launcher.ops.MetricsSetup;
import dev.switchboard.launcher.ops.OperationsOptions;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Deployable;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.launcher.application.HookContext;
import io.vertx.launcher.application.VertxApplicationHooks;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Builds Vert.x with its metrics in a Prometheus registry, tells the Vert.x launcher to deploy the gateway, to stop the process when start-up fails, and which cluster
 * manager to use when it runs with {@code -cluster} (see {@code dev.switchboard.launcher.cluster}).
 */
final class GatewayHooks implements VertxApplicationHooks {
  private final Path configFile;
  private final ClusterManager clusterManager;
  /** Vert.x's own metrics and the MCP metrics go here; {@code /metrics} serves it. */
  private final PrometheusMeterRegistry registry = MetricsSetup.newRegistry();

  /**
   * @param clusterManager used only if the launcher builds a clustered Vert.x; null to let Vert.x find one
   */
  GatewayHooks(Path configFile, ClusterManager clusterManager) {
    this.configFile = configFile;
    this.clusterManager = clusterManager;
  }

  /**
   * Unless the Vert.x options say otherwise: the native transport (epoll on Linux; NIO when it is not available), and
   * one event loop per processor ({@link #eventLoops()}).
   */
  @Override
  public JsonObject afterVertxOptionsParsed(JsonObject vertxOptions) {
    JsonObject options = vertxOptions == null ? new JsonObject() : vertxOptions;
    if (!options.containsKey("preferNativeTransport")) {
      options.put("preferNativeTransport", true);
    }
    if (!options.containsKey("eventLoopPoolSize")) {
      options.put("eventLoopPoolSize", eventLoops());
    }
    return options;
  }

  /**
   * One event loop per processor, where Vert.x's default is two: the gateway never blocks an event loop, and every
   * extra loop means calls whose client connection, core and backend connection sit on different loops, each hop a
   * wake-up of another thread. On 2 cores, 2 loops instead of 4 took 25% off the CPU per call (docs/performance.md).
   */
  private static int eventLoops() {
    return Runtime.getRuntime().availableProcessors();
  }

  @Override
  public VertxBuilder createVertxBuilder(VertxOptions options) {
    OperationsOptions ops = operations();
    VertxBuilder builder = MetricsSetup.builder(Vertx.builder(), options, ops.metricsEnabled() ? registry : null,
      ops.vertxMeters(), ops.tracingEnabled());
    return clusterManager == null ? builder : builder.withClusterManager(clusterManager);
  }

  /**
   * What the configuration file says of metrics and tracing, read before Vert.x is built; defaults when there is no
   * file or it is invalid (the gateway verticle then reports the problem).
   */
  private OperationsOptions operations() {
    if (configFile == null) {
      return OperationsOptions.defaults();
    }
    try {
      return ConfigLoader.load(configFile, System.getenv()).operations();
    } catch (RuntimeException e) {
      return OperationsOptions.defaults();
    }
  }

  @Override
  public Supplier<? extends Deployable> verticleSupplier() {
    return () -> new GatewayVerticle(configFile, registry);
  }

  @Override
  public void afterFailureToDeployVerticle(HookContext context, Throwable t) {
    System.err.println("switchboard: start-up failed: " + t.getMessage());
  }
}
