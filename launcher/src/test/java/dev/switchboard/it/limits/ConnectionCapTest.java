package dev.switchboard.it.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.testkit.McpTestClient.Answer;
import dev.switchboard.it.TestBackends;
import dev.switchboard.launcher.Gateway;
import dev.switchboard.transport.limits.LimitsOptions;
import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fault 2 of issue 10 (descriptors): 21,000 idle connections exhausted the gateway's file descriptors and a normal
 * client waited 17.5 s. Now connections beyond {@code maxConnections} are closed at once, and a well-behaved client is
 * answered while attackers hold connections.
 */
@ExtendWith(VertxExtension.class)
class ConnectionCapTest {
  /** Small by default; {@code -Dlimits.cap=1000 -Dlimits.attackers=3000} measures at a larger scale. */
  private static final int CAP = Integer.getInteger("limits.cap", 20);
  private static final int ATTACKERS = Integer.getInteger("limits.attackers", 50);
  private static final Duration HEAD = Duration.ofSeconds(2);

  private Vertx vertx;
  private RunningServer backend;
  private Gateway gateway;
  private NetClient net;
  private final List<RawConnection> attack = new ArrayList<>();

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    backend = TestBackends.start(vertx, TestBackends.named("alpha", 0, "echo")).await();
    LimitsOptions limits = LimitsOptions.defaults().withConnections(CAP, Duration.ofSeconds(30), HEAD,
      Duration.ofSeconds(30));
    gateway = LimitsHarness.start(vertx, limits, List.of(LimitsHarness.backend("alpha", backend.url()))).await();
    net = vertx.createNetClient();
  }

  @AfterEach
  void stop() {
    attack.forEach(RawConnection::close);
    net.close().await();
    gateway.stop().await();
    backend.close().await();
  }

  private long closedCount() {
    return attack.stream().filter(RawConnection::isClosed).count();
  }

  private void openAttack(int count, boolean slowloris) {
    for (int i = 0; i < count; i++) {
      RawConnection connection = RawConnection.open(net, gateway.port());
      attack.add(connection);
      if (slowloris) {
        connection.trickle(vertx, "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + "a".repeat(200), 500);
      }
    }
  }

  /** initialize and one call, retrying (bounded) when the connection is refused. */
  private long millisToServeAWellBehavedClient(Duration within) {
    long start = System.nanoTime();
    long deadline = start + within.toNanos();
    while (System.nanoTime() < deadline) {
      McpTestClient client = new McpTestClient(vertx, gateway.url());
      try {
        client.initialize().await();
        Answer answer = client.callTool("alpha_echo", new JsonObject().put("text", "still here")).await();
        assertThat(answer.result().getJsonArray("content").getJsonObject(0).getString("text"))
          .isEqualTo("alpha/echo: still here");
        return (System.nanoTime() - start) / 1_000_000;
      } catch (RuntimeException refused) {
        client.close();
      }
    }
    throw new AssertionError("the well-behaved client was not served within " + within);
  }

  @Test
  void connectionsBeyondTheCapAreClosedAtOnce() {
    openAttack(ATTACKERS, false);

    LimitsHarness.eventually(Duration.ofSeconds(3), () -> closedCount() >= ATTACKERS - CAP);

    System.out.printf("[figure] %d silent connections, cap %d: %d closed at once, %d held%n", ATTACKERS, CAP,
      closedCount(), ATTACKERS - closedCount());
    assertThat(closedCount()).isEqualTo(ATTACKERS - CAP);
  }

  @Test
  void wellBehavedClientIsServedWhileSlowlorisHoldsConnectionsBelowTheCap() {
    openAttack(CAP - 5, true);

    long servedAfter = millisToServeAWellBehavedClient(Duration.ofSeconds(5));

    System.out.printf("[figure] %d slowloris connections below the cap: normal client served in %d ms%n", CAP - 5,
      servedAfter);
    assertThat(closedCount()).isZero();
    assertThat(servedAfter).isLessThan(2000);
  }

  @Test
  void wellBehavedClientIsServedOnceSlowlorisBeyondTheCapTimesOut() {
    openAttack(ATTACKERS, true);

    long servedAfter = millisToServeAWellBehavedClient(HEAD.plusSeconds(5));

    System.out.printf("[figure] %d slowloris connections, cap %d, requestHeaderTimeout %d ms: normal client served "
      + "in %d ms%n", ATTACKERS, CAP, HEAD.toMillis(), servedAfter);
    assertThat(servedAfter).isLessThan(HEAD.toMillis() + 2000);
    assertThat(LimitsHarness.eventually(Duration.ofSeconds(3), () -> closedCount() == ATTACKERS)).isTrue();
  }
}
