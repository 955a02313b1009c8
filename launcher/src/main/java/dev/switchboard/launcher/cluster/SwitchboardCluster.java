package dev.switchboard.launcher.cluster;

import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Whether the command line asks for a cluster, and the cluster manager that then runs. */
public final class SwitchboardCluster {
  /** The launcher options that make Vert.x clustered. */
  private static final List<String> CLUSTER_FLAGS = List.of("-cluster", "--cluster");
  /** When set, Vert.x's own Hazelcast lookup is used as is (see {@link #manager}). */
  static final String VERTX_CONFIG_PROPERTY = "vertx.hazelcast.config";

  private SwitchboardCluster() {
  }

  /** True when the Vert.x launcher arguments ask for a clustered Vert.x. */
  public static boolean requested(List<String> vertxArgs) {
    return vertxArgs.stream().anyMatch(CLUSTER_FLAGS::contains);
  }

  /**
   * The Hazelcast cluster manager with {@link HazelcastConfigLoader}'s configuration; or, when the user set
   * {@code -Dvertx.hazelcast.config}, one that loads that file the Vert.x way. Nothing starts before Vert.x joins.
   *
   * @param env        the environment
   * @param properties reads system properties ({@code System::getProperty})
   * @throws IllegalArgumentException naming the property or variable whose value cannot work
   */
  public static ClusterManager manager(Map<String, String> env, UnaryOperator<String> properties) {
    if (properties.apply(VERTX_CONFIG_PROPERTY) != null) {
      return new HazelcastClusterManager();
    }
    return new HazelcastClusterManager(
      HazelcastConfigLoader.load(env, properties.apply(HazelcastConfigLoader.CONFIG_PROPERTY)));
  }
}
