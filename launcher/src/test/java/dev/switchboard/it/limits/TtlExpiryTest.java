package dev.switchboard.it.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.it.TestBackends;
import dev.switchboard.launcher.Gateway;
import dev.switchboard.launcher.config.GatewayConfig;
import dev.switchboard.session.SessionStoreOptions;
import dev.switchboard.session.TestRedis;
import dev.switchboard.transport.limits.LimitsOptions;
import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fault 3 of issue 10: a session ended by its TTL used to leave its backend sessions open (2,005 backend initializes
 * against 2 DELETEs in 7 minutes). Now expiry closes them as an explicit DELETE does, once per session, also with two
 * instances sharing Redis. DELETEs are counted by a recording proxy in front of a real backend.
 */
class TtlExpiryTest {
  private static final Duration TTL = Duration.ofSeconds(1);
  private static final Duration SWEEP = Duration.ofMillis(200);
  private static final int SESSIONS = 6;

  private final Vertx vertx = Vertx.vertx();
  private final List<Vertx> instances = new ArrayList<>();
  private final List<Gateway> gateways = new ArrayList<>();
  private RunningServer backend;
  private RecordingProxy proxy;
  private String keyPrefix;

  @BeforeEach
  void start() {
    backend = TestBackends.start(vertx, TestBackends.named("alpha", 0, "echo")).await();
    proxy = RecordingProxy.start(vertx, backend.url()).await();
  }

  @AfterEach
  void stop() {
    for (int i = 0; i < gateways.size(); i++) {
      gateways.get(i).stop().await();
      instances.get(i).close().await();
    }
    if (keyPrefix != null) {
      TestRedis.deleteKeys(vertx, TestRedis.url(), keyPrefix).await();
    }
    proxy.close().await();
    backend.close().await();
    vertx.close().await();
  }

  private Gateway startGateway(SessionStoreOptions sessions) {
    Vertx instance = Vertx.vertx();
    instances.add(instance);
    Gateway gateway = Gateway.start(instance, new GatewayConfig(LimitsHarness.transport(LimitsOptions.defaults()),
      List.of(LimitsHarness.backend("alpha", proxy.url())), AggregationOptions.defaults(), sessions)).await();
    gateways.add(gateway);
    return gateway;
  }

  private void registeredSession(Gateway gateway) {
    McpTestClient client = new McpTestClient(vertx, gateway.url());
    client.initialize().await();
    assertThat(client.request("tools/list").await().status()).isEqualTo(200);
  }

  /** Waits until the DELETE count reaches {@code expected}, then a little longer to see that no more arrive. */
  private long deletesSettlingAt(long expected) {
    LimitsHarness.eventually(TTL.multipliedBy(6), () -> proxy.count(HttpMethod.DELETE) >= expected);
    LimitsHarness.eventually(TTL.multipliedBy(2), () -> proxy.count(HttpMethod.DELETE) > expected);
    return proxy.count(HttpMethod.DELETE);
  }

  @Test
  void expiredSessionsCloseTheirBackendSessionsOnce() {
    Gateway gateway = startGateway(new SessionStoreOptions("memory", TTL, SWEEP, null, null));
    long before = proxy.count(HttpMethod.DELETE);
    int backendSessionsBefore = backend.sessionCount();
    for (int i = 0; i < SESSIONS; i++) {
      registeredSession(gateway);
    }
    assertThat(backend.sessionCount()).isEqualTo(backendSessionsBefore + SESSIONS);

    long deletes = deletesSettlingAt(before + SESSIONS) - before;

    System.out.printf("[figure] in-memory store: %d sessions expired (TTL %d ms), %d backend DELETEs, backend "
      + "sessions %d -> %d%n", SESSIONS, TTL.toMillis(), deletes, backendSessionsBefore + SESSIONS,
      backend.sessionCount());
    assertThat(deletes).isEqualTo(SESSIONS);
    assertThat(backend.sessionCount()).isEqualTo(backendSessionsBefore);
  }

  @Test
  void expiredSessionsCloseTheirBackendSessionsOnceAcrossTwoInstances() {
    keyPrefix = TestRedis.newKeyPrefix();
    SessionStoreOptions redis = new SessionStoreOptions("redis", TTL, SWEEP, TestRedis.url(), keyPrefix);
    Gateway first = startGateway(redis);
    Gateway second = startGateway(redis);
    long before = proxy.count(HttpMethod.DELETE);
    for (int i = 0; i < SESSIONS; i++) {
      registeredSession(i % 2 == 0 ? first : second);
    }

    long deletes = deletesSettlingAt(before + SESSIONS) - before;

    System.out.printf("[figure] Redis store, two instances: %d sessions expired (TTL %d ms), %d backend DELETEs%n",
      SESSIONS, TTL.toMillis(), deletes);
    assertThat(deletes).isEqualTo(SESSIONS);
  }

  @Test
  void deletedSessionIsClosedOnceAndNotAgainAtExpiry() {
    Gateway gateway = startGateway(new SessionStoreOptions("memory", TTL, SWEEP, null, null));
    long before = proxy.count(HttpMethod.DELETE);
    McpTestClient client = new McpTestClient(vertx, gateway.url());
    client.initialize().await();
    client.request("tools/list").await();

    assertThat(client.delete().await().status()).isEqualTo(200);

    assertThat(deletesSettlingAt(before + 1) - before).isEqualTo(1);
  }
}
