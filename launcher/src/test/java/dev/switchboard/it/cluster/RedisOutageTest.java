package dev.switchboard.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.it.GatewayHarness;
import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.testkit.McpTestClient.Answer;
import dev.switchboard.it.TestBackends;
import dev.switchboard.launcher.Gateway;
import dev.switchboard.launcher.config.GatewayConfig;
import dev.switchboard.session.EmbeddedRedis;
import dev.switchboard.session.SessionStoreOptions;
import dev.switchboard.session.TestRedis;
import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real redis-server of its own is stopped under a running gateway and started again: meanwhile the gateway answers
 * 503 with a retryable JSON-RPC error (and is not ready), keeps serving sessions it already holds, and recovers by
 * itself.
 */
@ExtendWith(VertxExtension.class)
class RedisOutageTest {
  private EmbeddedRedis redis;
  private Gateway gateway;

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.stop().await();
    }
    if (redis != null) {
      redis.close();
    }
  }

  private Answer ready(McpTestClient health) {
    return health.request().method(HttpMethod.GET).noSession().body((Object) null).send().await();
  }

  @Test
  void redisOutageGets503AndTheGatewayRecoversByItself(Vertx vertx) {
    redis = TestRedis.startEmbedded();
    RunningServer backend = TestBackends.start(vertx, TestBackends.named("alpha", 0, "echo")).await();
    SessionStoreOptions store = new SessionStoreOptions("redis", Duration.ofMinutes(5), null, redis.url(),
      TestRedis.newKeyPrefix());
    gateway = Gateway.start(vertx, new GatewayConfig(GatewayHarness.transport(),
      List.of(GatewayHarness.backend("alpha", backend)), AggregationOptions.defaults(), store)).await();
    McpTestClient known = new McpTestClient(vertx, gateway.url());
    known.initialize().await();
    known.request("tools/list").await();
    McpTestClient health = new McpTestClient(vertx, gateway.url().replace("/mcp", "/health/ready"));

    redis.stop();
    Answer refused = new McpTestClient(vertx, gateway.url()).initializeOnly("2025-11-25").await();
    Answer stillServed = known.callTool("alpha_echo", new JsonObject().put("text", "cached")).await();
    int notReady = 0;
    for (int i = 0; i < 60 && notReady != 503; i++) {
      notReady = ready(health).status();
      vertx.timer(100).await();
    }

    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.header("Retry-After")).isNotNull();
    assertThat(refused.error().getInteger("code")).isEqualTo(-32001);
    assertThat(refused.error().getJsonObject("data").getBoolean("retryable")).isTrue();
    assertThat(stillServed.status()).isEqualTo(200);
    assertThat(notReady).isEqualTo(503);

    redis.start();
    Answer recovered = null;
    for (int i = 0; i < 50 && (recovered == null || recovered.status() != 200); i++) {
      recovered = new McpTestClient(vertx, gateway.url()).initializeOnly("2025-11-25").await();
      if (recovered.status() != 200) {
        vertx.timer(100).await();
      }
    }
    assertThat(recovered.status()).isEqualTo(200);
    int readyAgain = 0;
    for (int i = 0; i < 60 && readyAgain != 200; i++) {
      readyAgain = ready(health).status();
      vertx.timer(100).await();
    }
    assertThat(readyAgain).isEqualTo(200);
  }
}
