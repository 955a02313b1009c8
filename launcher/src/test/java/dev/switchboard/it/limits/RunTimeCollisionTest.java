package dev.switchboard.it.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.it.TestBackends;
import dev.switchboard.launcher.Gateway;
import dev.switchboard.launcher.config.GatewayConfig;
import dev.switchboard.session.SessionStoreOptions;
import dev.switchboard.transport.limits.LimitsOptions;
import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fault 6 of issue 10: with prefixes and backends {@code a} and {@code a_b}, when {@code a_b} later publishes
 * {@code c} (colliding with {@code a}'s {@code b_c} as {@code a_b_c}), new sessions used to fall back to bare names
 * ({@code a_echo} became "Unknown tool"). Now the prefix scheme holds, the newcomer is left out, and
 * {@code /health/ready} reports the collision.
 */
@ExtendWith(VertxExtension.class)
class RunTimeCollisionTest {
  /**
   * {@code a_b} changes its list after start-up without announcing it: with the catalog cache, new sessions would
   * see the change only after {@code catalogCacheTtl} (CatalogCacheTest covers that); here every session reads.
   */
  private static final AggregationOptions WITHOUT_CATALOG_CACHE = new AggregationOptions(null, null, null, null, null,
    null, 0, null, 0);
  private Vertx vertx;
  private RunningServer a;
  private RunningServer aB;
  private RecordingProxy aBProxy;
  private Gateway gateway;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    a = TestBackends.start(vertx, TestBackends.named("a", 0, "echo", "b_c")).await();
    aB = TestBackends.start(vertx, TestBackends.named("a_b", 0, "x")).await();
    aBProxy = RecordingProxy.start(vertx, aB.url()).await();
    gateway = Gateway.start(vertx, new GatewayConfig(LimitsHarness.transport(LimitsOptions.defaults()),
      List.of(LimitsHarness.backend("a", a.url()), LimitsHarness.backend("a_b", aBProxy.url())),
      WITHOUT_CATALOG_CACHE, new SessionStoreOptions("memory", Duration.ofMinutes(5), null, null, null)))
      .await();
  }

  @AfterEach
  void stop() {
    gateway.stop().await();
    aBProxy.close().await();
    a.close().await();
    aB.close().await();
  }

  private void aBNowPublishesC() {
    JsonArray tools = new JsonArray(Stream.of("x", "c").map(name -> (Object) TestBackends.textTool(name, name))
      .toList());
    aBProxy.answer("tools/list", new RecordingProxy.ToolCallAnswer(200, "application/json", request ->
      "{\"jsonrpc\":\"2.0\",\"id\":" + Json.encode(request.getValue("id")) + ",\"result\":"
        + new JsonObject().put("tools", tools).encode() + "}"));
  }

  private static List<String> toolNames(McpTestClient client) {
    return client.request("tools/list").await().result().getJsonArray("tools").stream()
      .map(tool -> ((JsonObject) tool).getString("name")).toList();
  }

  private static String text(McpTestClient.Answer answer) {
    return answer.result().getJsonArray("content").getJsonObject(0).getString("text");
  }

  @Test
  void newSessionKeepsThePrefixSchemeAfterARunTimeCollision() {
    aBNowPublishesC();
    McpTestClient client = new McpTestClient(vertx, gateway.url());
    client.initialize().await();

    assertThat(toolNames(client)).containsExactlyInAnyOrder("a_echo", "a_b_c", "a_b_x");
    assertThat(text(client.callTool("a_echo", new JsonObject().put("text", "hi")).await())).isEqualTo("a/echo: hi");
    assertThat(text(client.callTool("a_b_c", new JsonObject().put("text", "kept")).await())).isEqualTo("a/b_c: kept");
  }

  @Test
  void collisionIsReportedOnReadiness() {
    aBNowPublishesC();
    McpTestClient client = new McpTestClient(vertx, gateway.url());
    client.initialize().await();
    client.request("tools/list").await();

    JsonObject ready = vertx.createHttpClient().request(HttpMethod.GET, gateway.port(),
        "127.0.0.1", "/health/ready")
      .compose(req -> req.send()).compose(resp -> resp.body()).map(Buffer::toJsonObject).await();

    assertThat(ready.getString("status")).isEqualTo("UP");
    assertThat(ready.getJsonArray("nameCollisions").getList()).containsExactly("tool 'a_b_c' (a:b_c, a_b:c)");
  }
}
