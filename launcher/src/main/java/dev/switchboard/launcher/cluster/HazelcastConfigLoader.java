package dev.switchboard.launcher.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.InvalidConfigurationException;
import com.hazelcast.config.XmlConfigBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Builds the Hazelcast {@link Config} of a clustered gateway:
 * <ol>
 *   <li>the XML named by the system property {@value #CONFIG_PROPERTY}: {@code classpath:NAME} or a file path;
 *       without it, the {@value #DEFAULT_RESOURCE} resource;</li>
 *   <li>{@value #MEMBERS_ENV} (comma-separated {@code host[:port]}) replaces the TCP members of the XML;</li>
 *   <li>{@value #PORT_ENV} fixes this member's port (no auto-increment), for several members on one host.</li>
 * </ol>
 * Reading the file blocks: call it from {@code main} or a worker, never from an event loop.
 */
public final class HazelcastConfigLoader {
  public static final String CONFIG_PROPERTY = "switchboard.hazelcast.config";
  public static final String DEFAULT_RESOURCE = "switchboard-hazelcast.xml";
  public static final String MEMBERS_ENV = "SWITCHBOARD_CLUSTER_MEMBERS";
  public static final String PORT_ENV = "SWITCHBOARD_CLUSTER_PORT";
  private static final String CLASSPATH = "classpath:";

  private HazelcastConfigLoader() {
  }

  /**
   * @param env        the environment ({@link System#getenv()})
   * @param configName the value of {@value #CONFIG_PROPERTY}, or null for the default resource
   * @throws IllegalArgumentException naming the property or variable whose value cannot work
   */
  public static Config load(Map<String, String> env, String configName) {
    Config config = read(configName == null || configName.isBlank() ? CLASSPATH + DEFAULT_RESOURCE : configName);
    String members = env.get(MEMBERS_ENV);
    if (members != null && !members.isBlank()) {
      config.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(true)
        .setMembers(ClusterMembers.parse(MEMBERS_ENV, members));
    }
    String port = env.get(PORT_ENV);
    if (port != null && !port.isBlank()) {
      config.getNetworkConfig().setPort(port(port.strip())).setPortAutoIncrement(false);
    }
    return config;
  }

  private static Config read(String name) {
    try (InputStream in = open(name)) {
      return new XmlConfigBuilder(in).build();
    } catch (IOException e) {
      throw new UncheckedIOException(CONFIG_PROPERTY + ": cannot read " + name, e);
    } catch (InvalidConfigurationException e) {
      throw new IllegalArgumentException(CONFIG_PROPERTY + ": " + name + " is not a Hazelcast configuration: "
        + e.getMessage(), e);
    }
  }

  private static InputStream open(String name) throws IOException {
    if (name.startsWith(CLASSPATH)) {
      String resource = name.substring(CLASSPATH.length());
      InputStream in = HazelcastConfigLoader.class.getClassLoader().getResourceAsStream(resource);
      if (in == null) {
        throw new IllegalArgumentException(CONFIG_PROPERTY + ": no resource " + resource + " on the class path");
      }
      return in;
    }
    try {
      return Files.newInputStream(Path.of(name));
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(CONFIG_PROPERTY + ": no file " + name);
    }
  }

  private static int port(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(PORT_ENV + ": not a port (1-65535): \"" + value + "\"");
  }
}
