package dev.switchboard.it.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.it.TestBackends;
import dev.switchboard.launcher.Gateway;
import dev.switchboard.launcher.config.GatewayConfig;
import dev.switchboard.session.SessionStoreOptions;
import dev.switchboard.testkit.Awaits;
import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.testkit.StreamEvent;
import dev.switchboard.transport.kit.RunningServer;
import dev.switchboard.transport.limits.LimitsOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The catalog cache end to end: new sessions that look alike to a backend cost it an initialize and no list calls,
 * and a list change announced on any session's stream reaches the sessions created after it.
 */
@ExtendWith(VertxExtension.class)
class SharedCatalogsTest {
  private Vertx vertx;
  private RunningServer backend;
  private RecordingProxy proxy;
  private Gateway gateway;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    backend = TestBackends.start(vertx, TestBackends.named("a", 0, "echo")).await();
    proxy = RecordingProxy.start(vertx, backend.url()).await();
    gateway = Gateway.start(vertx, new GatewayConfig(LimitsHarness.transport(LimitsOptions.defaults()),
      List.of(LimitsHarness.backend("a", proxy.url())), AggregationOptions.defaults(),
      new SessionStoreOptions("memory", Duration.ofMinutes(5), null, null, null))).await();
  }

  @AfterEach
  void stop() {
    gateway.stop().await();
    proxy.close().await();
    backend.close().await();
  }

  private static List<String> toolNames(McpTestClient client) {
    return client.request("tools/list").await().result().getJsonArray("tools").stream()
      .map(tool -> ((JsonObject) tool).getString("name")).toList();
  }

  private McpTestClient session(JsonObject capabilities) {
    McpTestClient client = new McpTestClient(vertx, gateway.url()).capabilities(capabilities);
    client.initialize().await();
    return client;
  }

  @Test
  void sessionsThatLookAlikeToTheBackendCostItNoListCalls() {
    long listsAtStartUp = backend.requestCount("tools/list");
    long initializesAtStartUp = backend.requestCount("initialize");

    McpTestClient first = session(new JsonObject());
    McpTestClient second = session(new JsonObject().put("experimental", new JsonObject()));
    assertThat(toolNames(first)).containsExactly("a_echo");
    assertThat(toolNames(second)).containsExactly("a_echo");
    assertThat(backend.requestCount("initialize")).isEqualTo(initializesAtStartUp + 2);
    assertThat(backend.requestCount("tools/list")).isEqualTo(listsAtStartUp);

    McpTestClient sampling = session(new JsonObject().put("sampling", new JsonObject()));
    assertThat(toolNames(sampling)).containsExactly("a_echo");
    assertThat(backend.requestCount("tools/list")).as("other relayed features: read for them")
      .isEqualTo(listsAtStartUp + 1);
  }

  @Test
  void aListChangeAnnouncedOnAnySessionsStreamReachesLaterSessions() {
    McpTestClient listening = session(new JsonObject());
    List<StreamEvent> events = new CopyOnWriteArrayList<>();
    listening.openGet(null, events::add).await();
    assertThat(toolNames(session(new JsonObject()))).containsExactly("a_echo");

    JsonArray tools = new JsonArray(Stream.of("echo", "added").map(name -> (Object) TestBackends.textTool(name, name))
      .toList());
    proxy.answer("tools/list", new RecordingProxy.ToolCallAnswer(200, "application/json", request ->
      "{\"jsonrpc\":\"2.0\",\"id\":" + Json.encode(request.getValue("id")) + ",\"result\":"
        + new JsonObject().put("tools", tools).encode() + "}"));
    // the gateway opens its own stream to the backend after the client's GET is answered: notify once it is there
    Awaits.until(() -> backend.notifyAll("notifications/tools/list_changed", null).await() > 0,
      Awaits.DEFAULT_TIMEOUT, "a gateway stream open on the backend");
    Awaits.until(() -> events.stream().filter(StreamEvent::hasData)
      .anyMatch(e -> "notifications/tools/list_changed".equals(e.json().getString("method"))), Awaits.DEFAULT_TIMEOUT,
      "list_changed");

    assertThat(toolNames(listening)).containsExactly("a_echo", "a_added");
    assertThat(toolNames(session(new JsonObject()))).as("a session created after the change")
      .containsExactly("a_echo", "a_added");
  }
}
