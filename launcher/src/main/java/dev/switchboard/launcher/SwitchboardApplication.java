package dev.switchboard.launcher;

import dev.switchboard.launcher.cluster.SwitchboardCluster;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.launcher.application.VertxApplication;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The main class of {@code switchboard.jar}: the Vert.x launcher (so its options still work) running
 * {@link GatewayVerticle}. With {@code -cluster}, Vert.x joins a Hazelcast cluster configured by
 * {@link SwitchboardCluster}; a bad cluster setting stops the process before anything starts.
 */
public final class SwitchboardApplication extends VertxApplication {
  /**
   * Netty's settings that the gateway chooses unless the operator names them ({@code -Dname=value}); they must be set
   * before Netty's first class runs.
   * <ul>
   *   <li>The pooled buffer allocator. Netty 4.2's default, the adaptive one, copies a composite buffer (a large result
   *   spliced by reference) into a fresh heap array before copying it into the socket's direct buffer; the pooled one
   *   copies its parts straight in.</li>
   *   <li>No JFR events from Netty's allocators. Their event classes, loaded by the first buffer, set up JDK Flight
   *   Recorder's metadata even when nothing records: about 300 ms of CPU in every start (docs/performance.md, round
   *   9). An operator who records Netty's allocations sets {@code -Dio.netty.jfr.enabled=true}.</li>
   * </ul>
   */
  static final Map<String, String> NETTY_DEFAULTS = Map.of(
    "io.netty.allocator.type", "pooled",
    "io.netty.jfr.enabled", "false");

  private SwitchboardApplication(String[] args, GatewayHooks hooks) {
    super(args, hooks);
  }

  public static void main(String[] args) {
    chooseNettyDefaults();
    LaunchArgs launch;
    ClusterManager clusterManager;
    try {
      launch = LaunchArgs.parse(args, System.getenv());
      clusterManager = SwitchboardCluster.requested(launch.vertxArgs())
        ? SwitchboardCluster.manager(System.getenv(), System::getProperty) : null;
    } catch (IllegalArgumentException | UncheckedIOException e) {
      System.err.println("switchboard: " + e.getMessage());
      System.exit(2);
      return;
    }
    int code = new SwitchboardApplication(launch.vertxArgs().toArray(String[]::new),
      new GatewayHooks(launch.configFile(), clusterManager)).launch();
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Sets each of {@link #NETTY_DEFAULTS} that the operator did not set. */
  static void chooseNettyDefaults() {
    NETTY_DEFAULTS.forEach((property, value) -> {
      if (System.getProperty(property) == null) {
        System.setProperty(property, value);
      }
    });
  }
}
