package dev.switchboard.it.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.it.TestBackends;
import dev.switchboard.launcher.Gateway;
import dev.switchboard.transport.limits.LimitsOptions;
import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fault 1 of issue 10: a client that initializes and never sends {@code notifications/initialized} no longer holds a
 * pending place (and its data) for the whole session TTL, only for {@code limits.pendingSessionTimeout}.
 */
@ExtendWith(VertxExtension.class)
class PendingTimeoutTest {
  private static final Duration PENDING = Duration.ofMillis(500);

  private Vertx vertx;
  private RunningServer backend;
  private Gateway gateway;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    backend = TestBackends.start(vertx, TestBackends.named("alpha", 0, "echo")).await();
    gateway = LimitsHarness.start(vertx, LimitsOptions.defaults().withPendingSessionTimeout(PENDING),
      List.of(LimitsHarness.backend("alpha", backend.url()))).await();
  }

  @AfterEach
  void stop() {
    gateway.stop().await();
    backend.close().await();
  }

  @Test
  void sessionThatNeverRegistersIsEnded() {
    McpTestClient idle = new McpTestClient(vertx, gateway.url());
    idle.initializeOnly("2025-11-25").await();
    assertThat(gateway.sessions().quota().pending()).isEqualTo(1);

    assertThat(LimitsHarness.eventually(PENDING.multipliedBy(6), () -> gateway.sessions().quota().sessions() == 0))
      .isTrue();

    assertThat(idle.request("tools/list").await().status()).isEqualTo(404);
  }

  @Test
  void registeredSessionOutlivesThePendingTimeout() throws Exception {
    McpTestClient client = new McpTestClient(vertx, gateway.url());
    client.initialize().await();
    assertThat(client.request("tools/list").await().status()).isEqualTo(200);

    vertx.timer(PENDING.multipliedBy(3).toMillis()).await();

    assertThat(client.request("tools/list").await().status()).isEqualTo(200);
    assertThat(gateway.sessions().quota().sessions()).isEqualTo(1);
  }
}
