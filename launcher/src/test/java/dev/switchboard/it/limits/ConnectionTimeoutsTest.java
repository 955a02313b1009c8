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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fault 2 of issue 10 (descriptors): slowloris headers, a body sent at a trickle and idle connections used to be kept
 * forever. Each is now closed by the server within its timeout, while a response in progress keeps its connection.
 */
@ExtendWith(VertxExtension.class)
class ConnectionTimeoutsTest {
  private static final Duration IDLE = Duration.ofMillis(1500);
  private static final Duration HEAD = Duration.ofMillis(1000);
  private static final Duration BODY = Duration.ofMillis(1000);
  private static final long SLACK_MS = 700;

  private Vertx vertx;
  private RunningServer backend;
  private Gateway gateway;
  private NetClient net;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    backend = TestBackends.start(vertx, TestBackends.named("alpha", 2500, "echo", "slow")).await();
    LimitsOptions limits = LimitsOptions.defaults().withConnections(100, IDLE, HEAD, BODY);
    gateway = LimitsHarness.start(vertx, limits, List.of(LimitsHarness.backend("alpha", backend.url()))).await();
    net = vertx.createNetClient();
  }

  @AfterEach
  void stop() {
    net.close().await();
    gateway.stop().await();
    backend.close().await();
  }

  @Test
  void slowHeadersAreClosedWithinTheHeaderTimeout() {
    RawConnection slowloris = RawConnection.open(net, gateway.port());
    long firstByte = System.nanoTime();
    slowloris.trickle(vertx, "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + "a".repeat(100), 250);

    long closedAfter = slowloris.millisUntilClosed(firstByte, HEAD.toMillis() + 5000);

    System.out.printf("[figure] headers at 4 bytes/s: closed after %d ms (requestHeaderTimeout %d ms)%n", closedAfter,
      HEAD.toMillis());
    assertThat(closedAfter).isBetween(HEAD.toMillis() - 50, HEAD.toMillis() + SLACK_MS);
  }

  @Test
  void slowBodyIsClosedWithinTheBodyTimeout() {
    RawConnection slow = RawConnection.open(net, gateway.port());
    slow.write("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
      + "Accept: application/json, text/event-stream\r\nContent-Length: 200\r\n\r\n");
    long headSent = System.nanoTime();
    slow.trickle(vertx, "{".repeat(200), 250);

    long closedAfter = slow.millisUntilClosed(headSent, BODY.toMillis() + 5000);

    System.out.printf("[figure] body at 4 bytes/s: closed after %d ms (requestBodyTimeout %d ms)%n", closedAfter,
      BODY.toMillis());
    assertThat(closedAfter).isBetween(BODY.toMillis() - 50, BODY.toMillis() + SLACK_MS);
  }

  @Test
  void silentConnectionIsClosedWithinTheIdleTimeout() {
    RawConnection silent = RawConnection.open(net, gateway.port());

    long closedAfter = silent.millisUntilClosed(silent.openedNanos(), IDLE.toMillis() + 5000);

    System.out.printf("[figure] connection that sends nothing: closed after %d ms (idleTimeout %d ms)%n",
      closedAfter, IDLE.toMillis());
    assertThat(closedAfter).isBetween(IDLE.toMillis() - 50, IDLE.toMillis() + SLACK_MS);
  }

  @Test
  void idleKeepAliveConnectionIsClosedAfterItsResponse() {
    RawConnection keepAlive = RawConnection.open(net, gateway.port());
    keepAlive.write("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    assertThat(LimitsHarness.eventually(Duration.ofSeconds(5), () -> keepAlive.received().contains("UP"))).isTrue();
    long answered = System.nanoTime();

    long closedAfter = keepAlive.millisUntilClosed(answered, IDLE.toMillis() + 5000);

    assertThat(keepAlive.received()).startsWith("HTTP/1.1 200");
    assertThat(closedAfter).isBetween(IDLE.toMillis() - SLACK_MS, IDLE.toMillis() + SLACK_MS);
  }

  @Test
  void responseInProgressKeepsItsConnectionBeyondTheIdleTimeout() {
    McpTestClient client = new McpTestClient(vertx, gateway.url());
    client.initialize().await();
    long start = System.nanoTime();

    Answer answer = client.callTool("alpha_slow", new JsonObject().put("text", "late")).await();

    assertThat(System.nanoTime() - start).isGreaterThan(IDLE.toNanos());
    assertThat(answer.result().getJsonArray("content").getJsonObject(0).getString("text")).isEqualTo("alpha/slow: late");
  }
}
