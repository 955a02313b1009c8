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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fault 1 of issue 10: an {@code initialize} with megabytes of capabilities used to be kept for the whole session TTL
 * (60 of 3 MB held 243 MB of live heap). Now oversized capabilities or client info are -32602, and what accepted
 * sessions keep is bounded by {@code maxClientDataSize}.
 */
@ExtendWith(VertxExtension.class)
class InitializeMemoryTest {
  private static final int MIB = 1024 * 1024;
  private static final long CLIENT_DATA_BUDGET = MIB;
  /** The attack was 60 initializes of 3 MB: {@code -Dlimits.initializes=60 -Dlimits.capabilityBytes=3000000}. */
  private static final int OVERSIZED = Integer.getInteger("limits.initializes", 40);
  private static final int OVERSIZED_BYTES = Integer.getInteger("limits.capabilityBytes", MIB);

  private Vertx vertx;
  private RunningServer backend;
  private Gateway gateway;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    backend = TestBackends.start(vertx, TestBackends.named("alpha", 0, "echo")).await();
    LimitsOptions limits = LimitsOptions.defaults().withClientData(64 * 1024, 4 * 1024, CLIENT_DATA_BUDGET);
    gateway = LimitsHarness.start(vertx, limits, List.of(LimitsHarness.backend("alpha", backend.url()))).await();
  }

  @AfterEach
  void stop() {
    gateway.stop().await();
    backend.close().await();
  }

  private static JsonObject capabilitiesOf(int bytes) {
    return new JsonObject().put("experimental", new JsonObject().put("padding", "x".repeat(bytes)));
  }

  private Answer initializeWith(JsonObject capabilities, JsonObject clientInfo) {
    McpTestClient client = new McpTestClient(vertx, gateway.url());
    JsonObject params = new JsonObject().put("protocolVersion", "2025-11-25").put("capabilities", capabilities)
      .put("clientInfo", clientInfo);
    return client.exchange(client.request().noSession().body(client.message(1, "initialize", params))).await();
  }

  private static JsonObject info() {
    return new JsonObject().put("name", "c").put("version", "1");
  }

  @Test
  void oversizedCapabilitiesAreInvalidParams() {
    Answer answer = initializeWith(capabilitiesOf(MIB), info());

    assertThat(answer.error().getInteger("code")).isEqualTo(-32602);
    assertThat(answer.error().getString("message")).contains("capabilities too large");
    assertThat(answer.header("Mcp-Session-Id")).isNull();
  }

  @Test
  void oversizedClientInfoIsInvalidParams() {
    Answer answer = initializeWith(new JsonObject(), info().put("title", "t".repeat(8 * 1024)));

    assertThat(answer.error().getInteger("code")).isEqualTo(-32602);
    assertThat(answer.error().getString("message")).contains("clientInfo too large");
    assertThat(answer.header("Mcp-Session-Id")).isNull();
  }

  @Test
  void capabilitiesUpToTheLimitAreAccepted() {
    Answer answer = initializeWith(capabilitiesOf(60 * 1024), info());

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Mcp-Session-Id")).isNotNull();
  }

  @Test
  void rejectedOversizedInitializesHoldNoHeap() {
    JsonObject oversized = capabilitiesOf(OVERSIZED_BYTES);
    initializeWith(oversized, info());
    long before = LimitsHarness.liveHeap();

    for (int i = 0; i < OVERSIZED; i++) {
      assertThat(initializeWith(oversized, info()).error().getInteger("code")).isEqualTo(-32602);
    }
    long growth = LimitsHarness.liveHeap() - before;

    System.out.printf("[figure] %d initializes with %d bytes of capabilities: live heap %+.2f MiB%n", OVERSIZED,
      OVERSIZED_BYTES, growth / (double) MIB);
    assertThat(growth).isLessThan(4L * MIB);
    assertThat(gateway.sessions().quota().sessions()).isZero();
  }

  @Test
  void acceptedSessionsKeepAtMostTheClientDataBudget() {
    JsonObject sixtyKib = capabilitiesOf(60 * 1024);
    long before = LimitsHarness.liveHeap();

    int accepted = 0;
    int refused = 0;
    for (int i = 0; i < 40; i++) {
      Answer answer = initializeWith(sixtyKib, info());
      if (answer.status() == 200) {
        accepted++;
      } else {
        assertThat(answer.status()).isEqualTo(503);
        refused++;
      }
    }
    long growth = LimitsHarness.liveHeap() - before;

    System.out.printf("[figure] 40 initializes with 60 KiB capabilities, 1 MiB budget: %d kept, %d refused, "
      + "live heap %+.2f MiB%n", accepted, refused, growth / (double) MIB);
    assertThat(accepted).isBetween(1, (int) (CLIENT_DATA_BUDGET / (60 * 1024)));
    assertThat(gateway.sessions().quota().clientBytes()).isLessThanOrEqualTo(CLIENT_DATA_BUDGET);
    assertThat(growth).isLessThan(8L * MIB);
  }
}
