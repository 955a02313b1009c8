package dev.switchboard.launcher.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped Hazelcast configuration stays on loopback, and the environment adjusts members and port. */
class HazelcastConfigLoaderTest {

  @TempDir
  Path dir;

  @Test
  void defaultResourceUsesStaticLoopbackMembersOnly() {
    Config config = HazelcastConfigLoader.load(Map.of(), null);
    JoinConfig join = config.getNetworkConfig().getJoin();

    assertThat(join.getMulticastConfig().isEnabled()).isFalse();
    assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
    assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
    assertThat(join.getTcpIpConfig().getMembers()).allMatch(m -> m.startsWith("127.0.0.1:"));
    assertThat(config.getNetworkConfig().getInterfaces().isEnabled()).isTrue();
    assertThat(config.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
    assertThat(config.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
    assertThat(config.getProperty("hazelcast.socket.bind.any")).isEqualTo("false");
    assertThat(config.getClusterName()).isEqualTo("switchboard");
  }

  @Test
  void defaultResourceDeclaresWhatVertxNeeds() {
    Config config = HazelcastConfigLoader.load(Map.of(), null);

    assertThat(config.getMultiMapConfigs()).containsKey("__vertx.subs");
    assertThat(config.getMapConfigs()).containsKeys("__vertx.haInfo", "__vertx.nodeInfo");
  }

  @Test
  void membersFromTheEnvironmentReplaceTheDefaults() {
    Config config = HazelcastConfigLoader.load(
      Map.of(HazelcastConfigLoader.MEMBERS_ENV, " 127.0.0.1:6701, 127.0.0.1:6702 ,"), null);

    assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().getMembers())
      .containsExactly("127.0.0.1:6701", "127.0.0.1:6702");
  }

  @Test
  void portFromTheEnvironmentIsFixed() {
    Config config = HazelcastConfigLoader.load(Map.of(HazelcastConfigLoader.PORT_ENV, "6702"), null);

    assertThat(config.getNetworkConfig().getPort()).isEqualTo(6702);
    assertThat(config.getNetworkConfig().isPortAutoIncrement()).isFalse();
  }

  @Test
  void badMembersNameTheVariable() {
    for (String bad : List.of("", " , ", "127.0.0.1:99999", "host name:1", "127.0.0.1:57o1")) {
      if (bad.isBlank()) {
        continue;
      }
      assertThatThrownBy(() -> HazelcastConfigLoader.load(Map.of(HazelcastConfigLoader.MEMBERS_ENV, bad), null))
        .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(HazelcastConfigLoader.MEMBERS_ENV);
    }
    assertThatThrownBy(() -> ClusterMembers.parse("X", " , ")).hasMessageContaining("no members");
  }

  @Test
  void badPortNamesTheVariable() {
    assertThatThrownBy(() -> HazelcastConfigLoader.load(Map.of(HazelcastConfigLoader.PORT_ENV, "0"), null))
      .hasMessageContaining(HazelcastConfigLoader.PORT_ENV);
    assertThatThrownBy(() -> HazelcastConfigLoader.load(Map.of(HazelcastConfigLoader.PORT_ENV, "http"), null))
      .hasMessageContaining(HazelcastConfigLoader.PORT_ENV);
  }

  @Test
  void fileNamedByThePropertyIsUsed() throws Exception {
    Path file = dir.resolve("hz.xml");
    Files.writeString(file, """
      <hazelcast xmlns="http://www.hazelcast.com/schema/config">
        <cluster-name>custom</cluster-name>
        <network><join><multicast enabled="false"/></join></network>
      </hazelcast>
      """);

    assertThat(HazelcastConfigLoader.load(Map.of(), file.toString()).getClusterName()).isEqualTo("custom");
    assertThat(HazelcastConfigLoader.load(Map.of(), "classpath:switchboard-hazelcast.xml").getClusterName())
      .isEqualTo("switchboard");
  }

  @Test
  void missingOrBrokenConfigNamesTheProperty() throws Exception {
    Path broken = dir.resolve("broken.xml");
    Files.writeString(broken, "<hazelcast><no-such-element/></hazelcast>");

    assertThatThrownBy(() -> HazelcastConfigLoader.load(Map.of(), dir.resolve("missing.xml").toString()))
      .hasMessageContaining(HazelcastConfigLoader.CONFIG_PROPERTY);
    assertThatThrownBy(() -> HazelcastConfigLoader.load(Map.of(), "classpath:no-such.xml"))
      .hasMessageContaining(HazelcastConfigLoader.CONFIG_PROPERTY);
    assertThatThrownBy(() -> HazelcastConfigLoader.load(Map.of(), broken.toString()))
      .hasMessageContaining(HazelcastConfigLoader.CONFIG_PROPERTY);
  }

  @Test
  void clusterIsRequestedByTheLauncherFlag() {
    assertThat(SwitchboardCluster.requested(List.of("-cluster"))).isTrue();
    assertThat(SwitchboardCluster.requested(List.of("--cluster", "-instances", "2"))).isTrue();
    assertThat(SwitchboardCluster.requested(List.of("-instances", "2"))).isFalse();
  }
}
