package dev.switchboard.it.stateless;

import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.core.protocol.JsonRpcError;
import dev.switchboard.core.protocol.StatelessEnvelope;
import dev.switchboard.it.GatewayHarness;
import dev.switchboard.launcher.Gateway;
import dev.switchboard.launcher.fixture.ConformanceFixture;
import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.testkit.StreamEvent;
import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stateless era (MCP 2026-07-28) on the gateway's endpoint, in front of the conformance fixture (a session-era
 * server): requests without a session, the held backend sessions, {@code input_required} bridged from the fixture's
 * server-to-client requests, and the session era beside it on the same endpoint.
 */
@ExtendWith(VertxExtension.class)
class StatelessEraTest {
  private static final JsonObject ALL_CAPABILITIES = new JsonObject().put("sampling", new JsonObject())
    .put("elicitation", new JsonObject()).put("roots", new JsonObject());

  private RunningServer fixture;
  private Gateway gateway;
  private McpTestClient client;

  @BeforeEach
  void start(Vertx vertx) {
    fixture = ConformanceFixture.listen(vertx, "127.0.0.1", 0, "/mcp").await();
    gateway = GatewayHarness.start(vertx, List.of(GatewayHarness.backend("fx", fixture)),
      AggregationOptions.defaults()).await();
    client = new McpTestClient(vertx, gateway.url());
  }

  @AfterEach
  void stop() {
    gateway.stop().await();
    fixture.close().await();
  }

  private static JsonObject meta(JsonObject capabilities) {
    return new JsonObject().put(StatelessEnvelope.META_PROTOCOL_VERSION, "2026-07-28")
      .put(StatelessEnvelope.META_CLIENT_CAPABILITIES, capabilities)
      .put(StatelessEnvelope.META_CLIENT_INFO, new JsonObject().put("name", "test").put("version", "1"));
  }

  private McpTestClient.Exchange exchange(String method, JsonObject params, JsonObject capabilities) {
    JsonObject withMeta = params.copy();
    JsonObject meta = meta(capabilities);
    if (params.getValue("_meta") instanceof JsonObject extra) {
      meta.mergeIn(extra);
    }
    withMeta.put("_meta", meta);
    McpTestClient.Exchange ex = client.request().noSession()
      .header("MCP-Protocol-Version", "2026-07-28").header("Mcp-Method", method)
      .body(client.message(client.nextId(), method, withMeta));
    Object name = "resources/read".equals(method) ? params.getValue("uri") : params.getValue("name");
    if (name instanceof String text && !"tools/list".equals(method)) {
      ex.header("Mcp-Name", text);
    }
    return ex;
  }

  private McpTestClient.Answer send(String method, JsonObject params, JsonObject capabilities) {
    return client.exchange(exchange(method, params, capabilities)).await();
  }

  /** The gateway's name for a fixture tool (default naming may prefix it). */
  private String tool(String name) {
    return send("tools/list", new JsonObject(), new JsonObject()).result().getJsonArray("tools").stream()
      .map(t -> ((JsonObject) t).getString("name")).filter(n -> n.endsWith(name)).findFirst().orElseThrow();
  }

  private McpTestClient.Answer call(String tool, JsonObject extra, JsonObject capabilities) {
    return send("tools/call", new JsonObject().put("name", tool).put("arguments", new JsonObject()).mergeIn(extra),
      capabilities);
  }

  @Test
  void aRequestNeedsNoSessionAndItsResultIsStamped() {
    McpTestClient.Answer discover = send("server/discover", new JsonObject(), new JsonObject());
    assertThat(discover.status()).isEqualTo(200);
    assertThat(discover.header("Mcp-Session-Id")).isNull();
    assertThat(discover.result().getJsonArray("supportedVersions").getList()).containsExactly("2026-07-28");

    McpTestClient.Answer answer = call(tool("test_simple_text"), new JsonObject(), new JsonObject());
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.result().getString("resultType")).isEqualTo("complete");
    assertThat(answer.result().getJsonArray("content").getJsonObject(0).getString("text"))
      .isEqualTo("This is a simple text response for testing.");
    assertThat(answer.result().getJsonObject("_meta").containsKey(StatelessEnvelope.META_SERVER_INFO)).isTrue();
    McpTestClient.Answer list = send("tools/list", new JsonObject(), new JsonObject());
    assertThat(list.result().getValue("ttlMs")).isEqualTo(0);
    assertThat(list.result().getString("cacheScope")).isEqualTo("public");
  }

  @Test
  void theSessionEraKeepsWorkingOnTheSameEndpoint() {
    McpTestClient.Answer init = client.initialize().await();
    assertThat(init.header("Mcp-Session-Id")).isNotNull();
    client.notify("notifications/initialized", null).await();
    McpTestClient.Answer list = client.request("tools/list").await();
    assertThat(list.result().containsKey("resultType")).isFalse();
    assertThat(list.result().getJsonArray("tools")).isNotEmpty();
  }

  @Test
  void statelessCallersShareHeldBackendSessionsPerCapabilities() {
    String simple = tool("test_simple_text");
    for (int i = 0; i < 3; i++) {
      assertThat(call(simple, new JsonObject(), new JsonObject()).status()).isEqualTo(200);
    }
    long initializes = fixture.requestCount("initialize");
    call(simple, new JsonObject(), new JsonObject());
    assertThat(fixture.requestCount("initialize")).as("same capabilities: no new backend session")
      .isEqualTo(initializes);
    call(simple, new JsonObject(), ALL_CAPABILITIES);
    assertThat(fixture.requestCount("initialize")).as("other capabilities: one more backend session")
      .isEqualTo(initializes + 1);
  }

  @Test
  void aBackendsQuestionsBecomeInputRequiredRoundsUntilTheResult() {
    String multiRound = tool("test_input_required_result_multi_round");
    JsonObject first = call(multiRound, new JsonObject(), ALL_CAPABILITIES).result();
    assertThat(first.getString("resultType")).isEqualTo("input_required");
    JsonObject step1 = first.getJsonObject("inputRequests").getJsonObject("step1");
    assertThat(step1.getString("method")).isEqualTo("elicitation/create");
    assertThat(step1.getJsonObject("params").containsKey("_meta")).as("the key hint is the gateway's").isFalse();
    String state1 = first.getString("requestState");

    JsonObject second = call(multiRound, new JsonObject()
      .put("inputResponses", new JsonObject().put("step1", accept("name", "Alice")))
      .put("requestState", state1), ALL_CAPABILITIES).result();
    assertThat(second.getString("resultType")).isEqualTo("input_required");
    assertThat(second.getJsonObject("inputRequests").fieldNames()).containsExactly("step2");
    String state2 = second.getString("requestState");
    assertThat(state2).isNotEqualTo(state1);

    McpTestClient.Answer replay = call(multiRound, new JsonObject()
      .put("inputResponses", new JsonObject().put("step1", accept("name", "Mallory")))
      .put("requestState", state1), ALL_CAPABILITIES);
    assertThat(replay.error().getInteger("code")).as("an earlier round's state is a replay")
      .isEqualTo(JsonRpcError.INVALID_PARAMS);

    JsonObject done = call(multiRound, new JsonObject()
      .put("inputResponses", new JsonObject().put("step2", accept("color", "blue")))
      .put("requestState", state2), ALL_CAPABILITIES).result();
    assertThat(done.getString("resultType")).isEqualTo("complete");
    assertThat(done.getJsonArray("content").getJsonObject(0).getString("text")).isEqualTo("Alice likes blue");
  }

  @Test
  void aTamperedOrUnknownStateIsRefused() {
    String elicitation = tool("test_input_required_result_elicitation");
    String state = call(elicitation, new JsonObject(), ALL_CAPABILITIES).result().getString("requestState");
    McpTestClient.Answer tampered = call(elicitation, new JsonObject()
      .put("inputResponses", new JsonObject().put("user_name", accept("name", "Eve")))
      .put("requestState", state + "-TAMPERED"), ALL_CAPABILITIES);
    assertThat(tampered.error().getInteger("code")).isEqualTo(JsonRpcError.INVALID_PARAMS);
    assertThat(tampered.error().getString("message")).isEqualTo("Invalid or expired requestState");

    McpTestClient.Answer otherTool = call(tool("test_input_required_result_request_state"), new JsonObject()
      .put("inputResponses", new JsonObject().put("user_name", accept("name", "Eve")))
      .put("requestState", state), ALL_CAPABILITIES);
    assertThat(otherTool.error().getInteger("code")).as("a state is bound to its tool")
      .isEqualTo(JsonRpcError.INVALID_PARAMS);

    JsonObject done = call(elicitation, new JsonObject()
      .put("inputResponses", new JsonObject().put("user_name", accept("name", "Bob")))
      .put("requestState", state), ALL_CAPABILITIES).result();
    assertThat(done.getJsonArray("content").getJsonObject(0).getString("text")).isEqualTo("Hello, Bob!");
  }

  @Test
  void aQuestionTheClientCannotAnswerIsNotAsked() {
    JsonObject result = call(tool("test_input_required_result_capabilities"), new JsonObject(),
      new JsonObject().put("sampling", new JsonObject())).result();
    assertThat(result.getJsonObject("inputRequests").fieldNames()).containsExactly("sample_input");
    McpTestClient.Answer missing = call(tool("test_missing_capability"), new JsonObject(), new JsonObject());
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.error().getInteger("code")).isEqualTo(JsonRpcError.MISSING_CLIENT_CAPABILITY);
    assertThat(missing.error().getJsonObject("data").getJsonObject("requiredCapabilities").containsKey("sampling"))
      .isTrue();
  }

  @Test
  void logMessagesReachOnlyARequestThatAsksForThem() {
    String logging = tool("test_logging_tool");
    McpTestClient.Answer quiet = call(logging, new JsonObject(), new JsonObject());
    assertThat(quiet.isSse()).isFalse();
    assertThat(quiet.result().getString("resultType")).isEqualTo("complete");
    McpTestClient.Answer chatty = call(logging, new JsonObject().put("_meta",
      new JsonObject().put(StatelessEnvelope.META_LOG_LEVEL, "debug")), new JsonObject());
    assertThat(chatty.isSse()).isTrue();
    assertThat(chatty.events().stream().filter(StreamEvent::hasData).map(StreamEvent::json)
      .map(m -> m.getString("method"))).contains("notifications/message");
  }

  @Test
  void aListenStreamStartsWithItsAcknowledgementAndCarriesResourceUpdates() throws InterruptedException {
    McpTestClient.Exchange listen = exchange("subscriptions/listen", new JsonObject().put("notifications",
      new JsonObject().put("toolsListChanged", true).put("resourceSubscriptions", new JsonArray()
        .add("test://watched-resource").add(42))), new JsonObject());
    McpTestClient.OpenStream stream = client.openStream(listen).await();
    JsonObject ack = stream.next().json();
    assertThat(ack.getString("method")).isEqualTo("notifications/subscriptions/acknowledged");
    assertThat(ack.getJsonObject("params").getJsonObject("notifications")).isEqualTo(new JsonObject()
      .put("toolsListChanged", true).put("resourceSubscriptions", new JsonArray().add("test://watched-resource")));
    Object subscription = ack.getJsonObject("params").getJsonObject("_meta")
      .getValue(StatelessEnvelope.META_SUBSCRIPTION_ID);
    assertThat(subscription).isNotNull();

    assertThat(fixture.resourceUpdated("test://watched-resource").await()).as("the held session subscribed")
      .isEqualTo(1);
    JsonObject updated = stream.next().json();
    assertThat(updated.getString("method")).isEqualTo("notifications/resources/updated");
    assertThat(updated.getJsonObject("params").getString("uri")).isEqualTo("test://watched-resource");
    assertThat(updated.getJsonObject("params").getJsonObject("_meta")
      .getValue(StatelessEnvelope.META_SUBSCRIPTION_ID)).isEqualTo(subscription);
    stream.response.request().connection().close();
  }

  private static JsonObject accept(String field, String value) {
    return new JsonObject().put("action", "accept").put("content", new JsonObject().put(field, value));
  }
}
