package dev.switchboard.it.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.testkit.StreamEvent;
import dev.switchboard.it.TestBackends;
import dev.switchboard.launcher.Gateway;
import dev.switchboard.launcher.config.ConfigLoader;
import dev.switchboard.launcher.config.GatewayConfig;
import dev.switchboard.launcher.reload.ConfigReloader;
import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot reload end to end: a gateway started from a file that is watched every 200 ms, with a client holding a GET
 * stream; edits to the file add and remove backends live, and an invalid edit changes nothing.
 */
@ExtendWith(VertxExtension.class)
class ReloadTest {
  private static final String LIST_CHANGED = "notifications/tools/list_changed";

  @TempDir
  Path dir;
  private Vertx vertx;
  private RunningServer alpha;
  private RunningServer beta;
  private GateProxy betaProxy;
  private Path file;
  private Gateway gateway;
  private ConfigReloader reloader;
  private McpTestClient client;
  private final List<StreamEvent> events = new CopyOnWriteArrayList<>();

  private String yaml(boolean withBeta, String extra) {
    return "server: {host: 127.0.0.1, port: 0, instances: 2}\n"
      + "backends:\n"
      + "  - {name: alpha, url: \"" + alpha.url() + "\"}\n"
      + (withBeta ? "  - {name: beta, url: \"" + betaProxy.url() + "\"}\n" : "")
      + "reload: {interval: 200ms}\n" + extra;
  }

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    alpha = TestBackends.start(vertx, TestBackends.named("alpha", 0, "echo")).await();
    beta = TestBackends.start(vertx, TestBackends.named("beta", 0, "echo")).await();
    betaProxy = GateProxy.start(vertx, URI.create(beta.url()).getPort()).await();
    file = dir.resolve("gateway.yaml");
    Files.writeString(file, yaml(false, ""));
    GatewayConfig config = ConfigLoader.load(file, Map.of());
    gateway = Gateway.start(vertx, config).await();
    reloader = ConfigReloader.start(vertx, file, Map.of(), config, gateway.core()).await();
    client = new McpTestClient(vertx, gateway.url());
    client.initialize().await();
    client.openGet(null, events::add).await();
  }

  @AfterEach
  void stop() {
    reloader.stop();
    gateway.stop().await();
    betaProxy.close().await();
  }

  private void waitFor(BooleanSupplier condition, String what) {
    for (int i = 0; i < 250 && !condition.getAsBoolean(); i++) {
      vertx.timer(20).await();
    }
    assertThat(condition.getAsBoolean()).as(what).isTrue();
  }

  private long listChanged() {
    return events.stream().filter(StreamEvent::hasData).filter(e -> LIST_CHANGED.equals(e.json().getString("method")))
      .count();
  }

  private List<String> tools() {
    return client.request("tools/list").await().result().getJsonArray("tools").stream()
      .map(t -> ((JsonObject) t).getString("name")).toList();
  }

  private String metrics() {
    return OpsHttp.get(vertx, gateway.port(), "/metrics").await().body();
  }

  @Test
  void fileEditAddsABackendToASessionOpenOnItsGetStream() throws Exception {
    assertThat(tools()).containsExactly("alpha_echo");

    Files.writeString(file, yaml(true, ""));
    waitFor(() -> listChanged() >= 1, "list_changed after the edit");

    assertThat(tools()).containsExactly("alpha_echo", "beta_echo");
    assertThat(client.callTool("beta_echo", new JsonObject().put("text", "new")).await().result()
      .getJsonArray("content").getJsonObject(0).getString("text")).isEqualTo("beta/echo: new");
    assertThat(metrics()).contains("mcp_config_reloads_total{outcome=\"applied\"} 1.0");
  }

  @Test
  void invalidEditChangesNothing() throws Exception {
    Files.writeString(file, yaml(false, "aggregation: {priorityOrder: [gamma]}\n"));
    waitFor(() -> metrics().contains("mcp_config_reloads_total{outcome=\"failed\"} 1.0"), "failed reload counted");

    assertThat(tools()).containsExactly("alpha_echo");
    assertThat(client.callTool("alpha_echo", new JsonObject().put("text", "still")).await().status()).isEqualTo(200);
    assertThat(listChanged()).isZero();
    assertThat(reloader.current().backends()).hasSize(1);
    assertThat(metrics()).contains("mcp_config_reloads_total{outcome=\"applied\"} 0.0");
  }

  /** Anonymous callers: a rule with {@code allow: {}} allows everyone, one with a scope nobody has denies everyone. */
  @Test
  void authorizationRulesApplyLiveAndListeningClientsAreTold() throws Exception {
    assertThat(tools()).containsExactly("alpha_echo");

    Files.writeString(file, yaml(false,
      "auth: {authorization: {rules: [{tools: [\"alpha_*\"], allow: {scopes: [admin]}}]}}\n"));
    waitFor(() -> listChanged() >= 1, "list_changed after the rules changed");

    assertThat(tools()).isEmpty();
    McpTestClient.Answer refused = client.callTool("alpha_echo", new JsonObject().put("text", "no")).await();
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.error().getInteger("code")).isEqualTo(-32003);

    Files.writeString(file, yaml(false, ""));
    waitFor(() -> listChanged() >= 2, "list_changed after the rules were removed");
    assertThat(tools()).containsExactly("alpha_echo");
    assertThat(client.callTool("alpha_echo", new JsonObject().put("text", "yes")).await().status()).isEqualTo(200);
  }

  @Test
  void removedBackendLeavesTheSessionAndItsBackendSessionIsClosed() throws Exception {
    Files.writeString(file, yaml(true, ""));
    waitFor(() -> listChanged() >= 1, "beta added");
    assertThat(tools()).containsExactly("alpha_echo", "beta_echo");

    Files.writeString(file, yaml(false, ""));
    waitFor(() -> listChanged() >= 2, "list_changed after beta was removed");

    assertThat(tools()).containsExactly("alpha_echo");
    waitFor(() -> betaProxy.seen().stream().filter(s -> "DELETE".equals(s.method())).map(GateProxy.Seen::sessionId)
      .distinct().count() >= 2, "the session's and the probe's backend sessions on beta closed");
  }

  @Test
  void aChangedServerPortIsNotAppliedAndTheGatewayKeepsServing() throws Exception {
    Files.writeString(file, yaml(true, "").replace("port: 0", "port: 1"));
    waitFor(() -> listChanged() >= 1, "the rest of the edit applied");

    assertThat(client.request("tools/list").await().status()).isEqualTo(200);
    assertThat(gateway.url()).doesNotContain(":1/");
  }
}
