package dev.switchboard.launcher.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.spi.cluster.ClusterManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import io.vertx.core.internal.VertxInternal;

/**
 * Two clustered Vert.x instances in this JVM, each with the Hazelcast manager the launcher builds for
 * {@code -cluster}, on loopback ports of their own: they form one cluster and answer each other's event-bus requests.
 */
class ClusteredEventBusTest {

  private final List<Vertx> nodes = new ArrayList<>();

  @AfterEach
  void leave() {
    for (Vertx node : nodes) {
      await(node.close(), 30);
    }
  }

  @Test
  void twoNodesFormAClusterAndAnswerRequests() throws IOException {
    int first = freePort();
    int second = freePort();
    String members = "127.0.0.1:" + first + ",127.0.0.1:" + second;
    Vertx a = join(members, first);
    Vertx b = join(members, second);
    b.eventBus().<String>consumer("switchboard.test.echo", (Message<String> m) -> m.reply("echo:" + m.body()))
      .completion().await();

    String reply = await(a.eventBus().<String>request("switchboard.test.echo", "ping")
      .map(Message::body), 30);

    assertThat(reply).isEqualTo("echo:ping");
    assertThat(clusterManager(a).getNodes()).hasSize(2).contains(clusterManager(b).getNodeId());
  }

  private Vertx join(String members, int port) {
    ClusterManager manager = SwitchboardCluster.manager(
      Map.of(HazelcastConfigLoader.MEMBERS_ENV, members, HazelcastConfigLoader.PORT_ENV, Integer.toString(port)),
      name -> null);
    VertxOptions options = new VertxOptions();
    options.getEventBusOptions().setHost("127.0.0.1").setPort(0);
    Vertx vertx = await(Vertx.builder().with(options).withClusterManager(manager).buildClustered(), 60);
    nodes.add(vertx);
    return vertx;
  }

  private static ClusterManager clusterManager(Vertx vertx) {
    return ((VertxInternal) vertx).clusterManager();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    }
  }

  private static <T> T await(Future<T> future, int seconds) {
    try {
      return future.await(seconds, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("no answer within " + seconds + " s", e);
    }
  }
}
