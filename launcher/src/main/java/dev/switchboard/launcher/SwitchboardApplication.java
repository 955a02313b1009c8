package dev.switchboard.launcher;

import dev.switchboard.launcher.cluster.SwitchboardCluster;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.launcher.application.VertxApplication;
import java.io.UncheckedIOException;

/**
 * The main class of {@code switchboard.jar}: the Vert.x launcher (so its options still work) running
 * {@link GatewayVerticle}. With {@code -cluster}, Vert.x joins a Hazelcast cluster configured by
 * {@link SwitchboardCluster}; a bad cluster setting stops the process before anything starts.
 */
public final class SwitchboardApplication extends VertxApplication {
  static final String ALLOCATOR_PROPERTY = "io.netty.allocator.type";

  private SwitchboardApplication(String[] args, GatewayHooks hooks) {
    super(args, hooks);
  }

  public static void main(String[] args) {
    preferPooledBuffers();
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

  /**
   * Netty's pooled buffer allocator, unless the operator chose one ({@code -Dio.netty.allocator.type}). Netty 4.2's
   * default, the adaptive allocator, copies a composite buffer (a large result spliced by reference) into a fresh
   * heap array before copying it into the socket's direct buffer; the pooled one copies its parts straight in. Must
   * run before Netty's first buffer.
   */
  static void preferPooledBuffers() {
    if (System.getProperty(ALLOCATOR_PROPERTY) == null) {
      System.setProperty(ALLOCATOR_PROPERTY, "pooled");
    }
  }
}
