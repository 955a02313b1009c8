package dev.switchboard.it.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.testkit.McpTestClient.Answer;
import dev.switchboard.it.TestBackends;
import dev.switchboard.launcher.Gateway;
import dev.switchboard.transport.limits.LimitsOptions;
import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fault 5 of issue 10: 100 hanging calls from one session stalled another session's calls to the same backend (3.8-5
 * s, then timeouts). Now a session gets at most its share of the backend's pool (16 connections, 50 %: 8); its
 * further calls fail at once with an {@code isError} result naming the backend as busy, and other sessions are served.
 */
@ExtendWith(VertxExtension.class)
class FairnessTest {
  private static final int HANGING = 100;

  private Vertx vertx;
  private RunningServer backend;
  private Gateway gateway;
  private HttpClientAgent attackerHttp;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    backend = TestBackends.start(vertx, TestBackends.named("alpha", 60_000, "echo", "slow")).await();
    gateway = LimitsHarness.start(vertx, LimitsOptions.defaults().withRequestsPerSession(200, 50),
      List.of(LimitsHarness.backend("alpha", backend.url()))).await();
    attackerHttp = vertx.createHttpClient(new HttpClientOptions(), new PoolOptions().setHttp1MaxSize(HANGING + 10));
  }

  @AfterEach
  void stop() {
    attackerHttp.close().await();
    gateway.stop().await();
    backend.close().await();
  }

  private Future<JsonObject> hangingCall(String sessionId, int n) {
    URI url = URI.create(gateway.url());
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(url.getHost())
      .setPort(url.getPort()).setURI(url.getPath()).putHeader("Content-Type", "application/json")
      .putHeader("Accept", McpTestClient.ACCEPT_BOTH).putHeader("Mcp-Session-Id", sessionId)
      .putHeader("MCP-Protocol-Version", "2025-11-25");
    JsonObject body = new JsonObject().put("jsonrpc", "2.0").put("id", n).put("method", "tools/call")
      .put("params", new JsonObject().put("name", "alpha_slow").put("arguments", new JsonObject().put("text", "x")));
    return attackerHttp.request(options).compose(req -> req.send(body.toBuffer()))
      .compose(resp -> resp.body()).map(Buffer::toJsonObject);
  }

  @Test
  void oneSessionsHangingCallsDoNotStallAnotherSession() throws Exception {
    McpTestClient attacker = new McpTestClient(vertx, gateway.url());
    attacker.initialize().await();
    attacker.request("tools/list").await();
    McpTestClient victim = new McpTestClient(vertx, gateway.url());
    victim.initialize().await();
    victim.request("tools/list").await();

    long attackStart = System.nanoTime();
    List<Future<JsonObject>> calls = new ArrayList<>();
    for (int i = 0; i < HANGING; i++) {
      calls.add(hangingCall(attacker.sessionId(), 1000 + i));
    }
    List<JsonObject> refused = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (refused.size() < HANGING - 8 && System.nanoTime() < deadline) {
      refused.clear();
      calls.stream().filter(Future::succeeded).map(Future::result).forEach(refused::add);
      Thread.sleep(20);
    }
    long refusedAfter = (System.nanoTime() - attackStart) / 1_000_000;

    long victimStart = System.nanoTime();
    Answer served = victim.callTool("alpha_echo", new JsonObject().put("text", "fair")).await();
    long victimMillis = (System.nanoTime() - victimStart) / 1_000_000;

    System.out.printf("[figure] %d hanging calls from one session: %d refused as busy within %d ms, %d running; "
      + "another session's call answered in %d ms%n", HANGING, refused.size(), refusedAfter,
      HANGING - refused.size(), victimMillis);
    assertThat(refused).hasSize(HANGING - 8);
    assertThat(refused).allSatisfy(answer -> {
      JsonObject result = answer.getJsonObject("result");
      assertThat(result.getBoolean("isError")).isTrue();
      assertThat(result.getJsonArray("content").getJsonObject(0).getString("text")).isEqualTo("backend 'alpha': busy");
    });
    assertThat(served.result().getJsonArray("content").getJsonObject(0).getString("text")).isEqualTo("alpha/echo: fair");
    assertThat(victimMillis).isLessThan(1000);
  }
}
