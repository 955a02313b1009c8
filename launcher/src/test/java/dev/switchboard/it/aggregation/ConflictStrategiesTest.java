package dev.switchboard.it.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.core.catalog.BackendFilter;
import dev.switchboard.core.catalog.ConflictResolution;
import dev.switchboard.core.catalog.NameOverride;
import dev.switchboard.it.GatewayHarness;
import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.it.TestBackends;
import dev.switchboard.launcher.Gateway;
import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Three real backends with shared names: {@code echo} (alpha, beta) and {@code search} (beta, gamma), aggregated
 * through a real gateway under each conflict strategy.
 */
@ExtendWith(VertxExtension.class)
class ConflictStrategiesTest {
  private Vertx vertx;
  private List<BackendOptions> backends;

  @BeforeEach
  void startBackends(Vertx vertx) {
    this.vertx = vertx;
    RunningServer alpha = TestBackends.start(vertx, TestBackends.named("alpha", 0, "echo", "add")).await();
    RunningServer beta = TestBackends.start(vertx, TestBackends.named("beta", 0, "echo", "search")).await();
    RunningServer gamma = TestBackends.start(vertx, TestBackends.named("gamma", 0, "search", "stats")).await();
    backends = List.of(GatewayHarness.backend("alpha", alpha), GatewayHarness.backend("beta", beta),
      GatewayHarness.backend("gamma", gamma));
  }

  private static AggregationOptions options(ConflictResolution strategy, String prefixFormat, List<String> priority,
                                            List<BackendFilter> tools) {
    return new AggregationOptions(strategy, prefixFormat, priority, tools, null, null, 0);
  }

  private McpTestClient session(Gateway gateway) {
    McpTestClient client = new McpTestClient(vertx, gateway.url());
    client.initialize().await();
    return client;
  }

  private static List<String> toolNames(McpTestClient client) {
    return client.request("tools/list").await().result().getJsonArray("tools").stream()
      .map(t -> ((JsonObject) t).getString("name")).toList();
  }

  private static String call(McpTestClient client, String tool) {
    return client.callTool(tool, new JsonObject().put("text", "x")).await().result().getJsonArray("content")
      .getJsonObject(0).getString("text");
  }

  @Test
  void prefixNamesEveryToolWithItsBackend() {
    Gateway gateway = GatewayHarness.start(vertx, backends, options(ConflictResolution.PREFIX, null, null, null))
      .await();
    McpTestClient client = session(gateway);

    assertThat(toolNames(client)).containsExactly("alpha_echo", "alpha_add", "beta_echo", "beta_search",
      "gamma_search", "gamma_stats");
    assertThat(call(client, "gamma_search")).isEqualTo("gamma/search: x");
  }

  @Test
  void prefixFormatIsConfigurable() {
    Gateway gateway = GatewayHarness.start(vertx, backends, options(ConflictResolution.PREFIX, "{backend}.", null,
      null)).await();

    assertThat(toolNames(session(gateway))).contains("alpha.echo", "beta.search");
  }

  @Test
  void priorityKeepsUniqueNamesBareAndGivesConflictsToTheFirstListed() {
    Gateway gateway = GatewayHarness.start(vertx, backends, options(ConflictResolution.PRIORITY, null,
      List.of("gamma", "beta"), null)).await();
    McpTestClient client = session(gateway);

    assertThat(toolNames(client)).containsExactlyInAnyOrder("echo", "add", "search", "stats");
    assertThat(call(client, "echo")).isEqualTo("beta/echo: x");
    assertThat(call(client, "search")).isEqualTo("gamma/search: x");
    assertThat(call(client, "add")).isEqualTo("alpha/add: x");
  }

  @Test
  void manualWithoutOverridesFailsStartUpNamingEveryConflict() {
    assertThatThrownBy(() -> GatewayHarness.start(vertx, backends, options(ConflictResolution.MANUAL, null, null,
      null)).await())
      .hasMessageContaining("echo").hasMessageContaining("alpha").hasMessageContaining("beta")
      .hasMessageContaining("search").hasMessageContaining("gamma");
  }

  @Test
  void manualWithOverridesServesTheRenamedTools() {
    List<BackendFilter> overrides = List.of(
      new BackendFilter("beta", null, null, Map.of("echo", new NameOverride("beta_echo", null),
        "search", new NameOverride("deep_search", "Searches deeply"))));
    Gateway gateway = GatewayHarness.start(vertx, backends, options(ConflictResolution.MANUAL, null, null, overrides))
      .await();
    McpTestClient client = session(gateway);

    assertThat(toolNames(client)).containsExactlyInAnyOrder("echo", "add", "beta_echo", "deep_search", "search",
      "stats");
    assertThat(call(client, "beta_echo")).isEqualTo("beta/echo: x");
    assertThat(call(client, "deep_search")).isEqualTo("beta/search: x");
    assertThat(call(client, "search")).isEqualTo("gamma/search: x");
  }

  @Test
  void includeAndExcludeFiltersHideTools() {
    List<BackendFilter> filters = List.of(new BackendFilter("alpha", List.of("echo"), null, null),
      new BackendFilter("gamma", null, List.of("sea*"), null));
    Gateway gateway = GatewayHarness.start(vertx, backends, options(ConflictResolution.PREFIX, null, null, filters))
      .await();
    McpTestClient client = session(gateway);

    assertThat(toolNames(client)).containsExactly("alpha_echo", "beta_echo", "beta_search", "gamma_stats");
    assertThat(client.callTool("alpha_add", new JsonObject()).await().error().getInteger("code")).isEqualTo(-32602);
  }
}
