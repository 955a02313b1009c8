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
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Fault 1 of issue 10: {@code maxSessions} and {@code maxPendingSessions} refuse new sessions, never old ones. */
@ExtendWith(VertxExtension.class)
class SessionCapTest {
  private static final int MAX_SESSIONS = 4;
  private static final int MAX_PENDING = 2;

  private Vertx vertx;
  private RunningServer backend;
  private Gateway gateway;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    backend = TestBackends.start(vertx, TestBackends.named("alpha", 0, "echo")).await();
    LimitsOptions limits = LimitsOptions.defaults().withMaxSessions(MAX_SESSIONS, MAX_PENDING, 10);
    gateway = LimitsHarness.start(vertx, limits, List.of(LimitsHarness.backend("alpha", backend.url()))).await();
  }

  @AfterEach
  void stop() {
    gateway.stop().await();
    backend.close().await();
  }

  private McpTestClient registered() {
    McpTestClient client = new McpTestClient(vertx, gateway.url());
    assertThat(client.initialize().await().status()).isEqualTo(200);
    assertThat(client.request("tools/list").await().status()).isEqualTo(200);
    return client;
  }

  private List<McpTestClient> fill() {
    List<McpTestClient> clients = new ArrayList<>();
    for (int i = 0; i < MAX_SESSIONS; i++) {
      clients.add(registered());
    }
    return clients;
  }

  private Answer initializeOne() {
    return new McpTestClient(vertx, gateway.url()).initializeOnly("2025-11-25").await();
  }

  @Test
  void initializeBeyondMaxSessionsGets503Retryable() {
    fill();

    Answer refused = initializeOne();

    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.header("Retry-After")).isNotNull();
    assertThat(refused.header("Mcp-Session-Id")).isNull();
    assertThat(refused.error().getInteger("code")).isEqualTo(-32001);
    assertThat(refused.error().getJsonObject("data").getBoolean("retryable")).isTrue();
  }

  @Test
  void existingSessionsAreServedAtTheCap() {
    List<McpTestClient> clients = fill();
    initializeOne();

    for (McpTestClient client : clients) {
      Answer call = client.callTool("alpha_echo", new JsonObject().put("text", "hi")).await();
      assertThat(call.result().getJsonArray("content").getJsonObject(0).getString("text")).isEqualTo("alpha/echo: hi");
    }
  }

  @Test
  void deletedSessionFreesItsPlace() {
    List<McpTestClient> clients = fill();
    assertThat(clients.get(0).delete().await().status()).isEqualTo(200);

    assertThat(initializeOne().status()).isEqualTo(200);
  }

  @Test
  void pendingSessionsBeyondMaxPendingGet503() {
    for (int i = 0; i < MAX_PENDING; i++) {
      assertThat(initializeOne().status()).isEqualTo(200);
    }

    Answer refused = initializeOne();

    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.error().getString("message")).contains("being set up");
  }

  @Test
  void registrationFreesAPendingPlace() {
    McpTestClient first = new McpTestClient(vertx, gateway.url());
    first.initializeOnly("2025-11-25").await();
    initializeOne();
    assertThat(initializeOne().status()).isEqualTo(503);

    first.notify("notifications/initialized", null).await();
    assertThat(LimitsHarness.eventually(Duration.ofSeconds(5), () -> gateway.sessions().quota().pending() < MAX_PENDING))
      .isTrue();

    assertThat(initializeOne().status()).isEqualTo(200);
  }
}
