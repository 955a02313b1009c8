package dev.switchboard.launcher;

import dev.switchboard.launcher.config.ConfigLoader;
import dev.switchboard.launcher.config.GatewayConfig;
import dev.switchboard.launcher.demo.DemoMode;
import dev.switchboard.launcher.reload.ConfigReloader;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.nio.file.Path;

/**
 * The launcher's main verticle: loads the configuration (or starts the demo backends when there is none), starts
 * the {@link Gateway} and prints where it listens. Undeploying it stops everything.
 */
public final class GatewayVerticle extends VerticleBase {
  private static final System.Logger LOG = System.getLogger(GatewayVerticle.class.getName());

  private final Path configFile;
  private final PrometheusMeterRegistry registry;
  private Gateway gateway;
  private DemoMode demo;
  private ConfigReloader reloader;

  public GatewayVerticle(Path configFile) {
    this(configFile, null);
  }

  /** @param registry where Vert.x records its metrics (the MCP metrics join them), or null */
  public GatewayVerticle(Path configFile, PrometheusMeterRegistry registry) {
    this.configFile = configFile;
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    Future<GatewayConfig> config;
    if (configFile == null) {
      config = DemoMode.start(vertx).map(started -> {
        demo = started;
        return started.config();
      });
    } else {
      config = vertx.executeBlocking(() -> ConfigLoader.load(configFile, System.getenv()));
    }
    return config.compose(c -> Gateway.start(vertx, c, registry).compose(started -> watch(c, started)))
      .onSuccess(started -> {
        gateway = started;
        if (demo != null) {
          System.out.println(demo.banner(started.url()));
        } else {
          LOG.log(System.Logger.Level.INFO, "Switchboard MCP endpoint: {0} (native transport: {1})", started.url(),
            vertx.isNativeTransportEnabled());
          System.out.println("Switchboard MCP endpoint: " + started.url());
        }
      });
  }

  /** Hot reload of the configuration file (not in demo mode). */
  private Future<Gateway> watch(GatewayConfig config, Gateway started) {
    if (configFile == null) {
      return Future.succeededFuture(started);
    }
    return ConfigReloader.start(vertx, configFile, System.getenv(), config, started.core()).map(r -> {
      reloader = r;
      return started;
    }).recover(err -> started.stop().transform(v -> Future.failedFuture(err)));
  }

  @Override
  public Future<?> stop() {
    if (reloader != null) {
      reloader.stop();
    }
    Future<Void> stopped = gateway == null ? Future.succeededFuture() : gateway.stop();
    return demo == null ? stopped : stopped.eventually(demo::stop);
  }
}
