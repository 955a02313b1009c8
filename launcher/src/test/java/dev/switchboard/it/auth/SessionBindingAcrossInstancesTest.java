package dev.switchboard.it.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.it.GatewayHarness;
import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.it.TestBackends;
import dev.switchboard.launcher.Gateway;
import dev.switchboard.launcher.config.GatewayConfig;
import dev.switchboard.session.SessionStoreOptions;
import dev.switchboard.session.TestRedis;
import dev.switchboard.transport.auth.IncomingAuthOptions;
import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The identity binding is stored with the session in Redis, so it holds on every instance: two gateway instances
 * (two Vert.x instances, no stickiness) on the real Redis, one session initialized by alice on the first; bob's
 * valid token on it is 403 on the second (which loads the record from Redis), alice's works there.
 */
class SessionBindingAcrossInstancesTest {
  private final List<Vertx> instances = new ArrayList<>();
  private final List<Gateway> gateways = new ArrayList<>();
  private TestIdp idp;
  private String keyPrefix;
  private Vertx clientVertx;

  @BeforeEach
  void start() {
    idp = new TestIdp();
    clientVertx = Vertx.vertx();
    RunningServer backend = TestBackends.start(clientVertx, TestBackends.named("alpha", 0, "echo")).await();
    keyPrefix = TestRedis.newKeyPrefix();
    SessionStoreOptions redis = new SessionStoreOptions("redis", Duration.ofMinutes(5), null, TestRedis.url(),
      keyPrefix);
    for (int i = 0; i < 2; i++) {
      Vertx vertx = Vertx.vertx();
      instances.add(vertx);
      GatewayConfig config = new GatewayConfig(GatewayHarness.transport(),
        List.of(GatewayHarness.backend("alpha", backend)), AggregationOptions.defaults(), redis,
        IncomingAuthOptions.oauth2(idp.issuer(), TestIdp.RESOURCE, List.of("mcp")));
      gateways.add(Gateway.start(vertx, config).await());
    }
  }

  @AfterEach
  void stop() {
    for (int i = 0; i < gateways.size(); i++) {
      gateways.get(i).stop().await();
      instances.get(i).close().await();
    }
    TestRedis.deleteKeys(clientVertx, TestRedis.url(), keyPrefix).await();
    clientVertx.close().await();
    idp.close();
  }

  private McpTestClient on(int instance, String token, String sessionId) {
    return new McpTestClient(clientVertx, gateways.get(instance).url()).bearer(token).sessionId(sessionId);
  }

  @Test
  void anotherIdentityIsForbiddenOnTheOtherInstance() {
    McpTestClient alice = on(0, idp.token("alice"), null);
    assertThat(alice.initialize().await().status()).isEqualTo(200);
    String session = alice.sessionId();

    assertThat(on(1, idp.token("bob"), session).request("tools/list").await().status()).isEqualTo(403);
    assertThat(on(1, idp.token("bob"), session).delete().await().status()).isEqualTo(403);
    assertThat(on(1, idp.token("alice"), session).request("tools/list").await().status()).isEqualTo(200);
    assertThat(on(1, idp.token("bob"), session).request("tools/list").await().status()).isEqualTo(403);
    assertThat(alice.request("tools/list").await().status()).isEqualTo(200);
  }
}
