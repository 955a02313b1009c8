package dev.switchboard.it.stateless;

import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.core.protocol.JsonRpcError;
import dev.switchboard.core.protocol.StatelessEnvelope;
import dev.switchboard.it.GatewayHarness;
import dev.switchboard.it.auth.TestIdp;
import dev.switchboard.launcher.Gateway;
import dev.switchboard.launcher.config.GatewayConfig;
import dev.switchboard.launcher.fixture.ConformanceFixture;
import dev.switchboard.session.SessionStoreOptions;
import dev.switchboard.session.TestRedis;
import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.transport.auth.IncomingAuthOptions;
import dev.switchboard.transport.kit.RunningServer;
import dev.switchboard.transport.stateless.StatelessOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stateless client's retry of an {@code input_required} call on another instance than the one holding the call:
 * two gateway instances (two Vert.x instances) on the real Redis with one request-state key, callers authenticated by
 * mock-oauth2-server, the conformance fixture behind them.
 */
class InputAcrossInstancesTest {
  private static final String KEY = "a request-state key shared by both instances";
  private static final String TOOL = "fx_test_input_required_result_elicitation";

  private final List<Vertx> instances = new ArrayList<>();
  private final List<Gateway> gateways = new ArrayList<>();
  private TestIdp idp;
  private String keyPrefix;
  private Vertx clientVertx;
  private RunningServer fixture;

  @BeforeEach
  void start() {
    idp = new TestIdp();
    clientVertx = Vertx.vertx();
    fixture = ConformanceFixture.listen(clientVertx, "127.0.0.1", 0, "/mcp").await();
    keyPrefix = TestRedis.newKeyPrefix();
    SessionStoreOptions redis = new SessionStoreOptions("redis", Duration.ofMinutes(5), null, TestRedis.url(),
      keyPrefix);
    StatelessOptions stateless = new StatelessOptions(0, 0, null, null, KEY, null, null, 0, 0);
    for (int i = 0; i < 2; i++) {
      Vertx vertx = Vertx.vertx();
      instances.add(vertx);
      GatewayConfig config = new GatewayConfig(GatewayHarness.transport().withStateless(stateless),
        List.of(GatewayHarness.backend("fx", fixture)), AggregationOptions.defaults(), redis,
        IncomingAuthOptions.oauth2(idp.issuer(), TestIdp.RESOURCE, List.of("mcp")));
      gateways.add(Gateway.start(vertx, config).await());
    }
  }

  @AfterEach
  void stop() {
    for (int i = 0; i < gateways.size(); i++) {
      if (gateways.get(i) != null) {
        gateways.get(i).stop().await();
      }
      instances.get(i).close().await();
    }
    TestRedis.deleteKeys(clientVertx, TestRedis.url(), keyPrefix).await();
    fixture.close().await();
    clientVertx.close().await();
    idp.close();
  }

  /** A stateless tools/call of {@value #TOOL}; {@code caller} null sends no token. */
  private McpTestClient.Answer call(int instance, String caller, JsonObject extra) {
    McpTestClient client = new McpTestClient(clientVertx, gateways.get(instance).url());
    if (caller != null) {
      client.bearer(idp.token(caller));
    }
    JsonObject params = new JsonObject().put("name", TOOL).put("arguments", new JsonObject()).mergeIn(extra)
      .put("_meta", new JsonObject().put(StatelessEnvelope.META_PROTOCOL_VERSION, "2026-07-28")
        .put(StatelessEnvelope.META_CLIENT_CAPABILITIES, new JsonObject().put("elicitation", new JsonObject())));
    return client.exchange(client.request().noSession().header("MCP-Protocol-Version", "2026-07-28")
      .header("Mcp-Method", "tools/call").header("Mcp-Name", TOOL)
      .body(client.message(client.nextId(), "tools/call", params))).await();
  }

  private static JsonObject answering(String state, String name) {
    return new JsonObject().put("requestState", state).put("inputResponses", new JsonObject().put("user_name",
      new JsonObject().put("action", "accept").put("content", new JsonObject().put("name", name))));
  }

  @Test
  void aStatelessRequestNeedsAToken() {
    McpTestClient.Answer anonymous = call(0, null, new JsonObject());
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("WWW-Authenticate")).contains("resource_metadata");
  }

  @Test
  void theRetryReachesTheCallOnTheOtherInstance() {
    JsonObject first = call(0, "alice", new JsonObject()).result();
    assertThat(first.getString("resultType")).isEqualTo("input_required");
    JsonObject done = call(1, "alice", answering(first.getString("requestState"), "Alice")).result();
    assertThat(done.getString("resultType")).isEqualTo("complete");
    assertThat(done.getJsonArray("content").getJsonObject(0).getString("text")).isEqualTo("Hello, Alice!");
  }

  @Test
  void aCallWithTheSameNumberOnTheOtherInstanceIsNotTakenOver() {
    // each instance numbers its calls from 1: alice's call on 0 and bob's on 1 have the same number
    String aliceState = call(0, "alice", new JsonObject()).result().getString("requestState");
    String bobState = call(1, "bob", new JsonObject()).result().getString("requestState");
    JsonObject alice = call(1, "alice", answering(aliceState, "Alice")).result();
    assertThat(alice.getJsonArray("content").getJsonObject(0).getString("text")).isEqualTo("Hello, Alice!");
    JsonObject bob = call(1, "bob", answering(bobState, "Bob")).result();
    assertThat(bob.getJsonArray("content").getJsonObject(0).getString("text")).isEqualTo("Hello, Bob!");
  }

  @Test
  void anotherCallerCannotUseTheStateOnAnyInstance() {
    String state = call(0, "alice", new JsonObject()).result().getString("requestState");
    for (int instance = 0; instance < 2; instance++) {
      McpTestClient.Answer bob = call(instance, "bob", answering(state, "Bob"));
      assertThat(bob.error().getInteger("code")).isEqualTo(JsonRpcError.INVALID_PARAMS);
      assertThat(bob.error().getString("message")).isEqualTo("Invalid or expired requestState");
    }
    JsonObject done = call(1, "alice", answering(state, "Alice")).result();
    assertThat(done.getJsonArray("content").getJsonObject(0).getString("text")).isEqualTo("Hello, Alice!");
  }

  @Test
  void whenTheInstanceHoldingTheCallIsGoneTheRetryIsToldToStartAgain() {
    String state = call(0, "alice", new JsonObject()).result().getString("requestState");
    gateways.get(0).stop().await();
    gateways.set(0, null);
    McpTestClient.Answer retry = call(1, "alice", answering(state, "Alice"));
    assertThat(retry.error().getInteger("code")).isEqualTo(JsonRpcError.INVALID_PARAMS);
    assertThat(retry.error().getJsonObject("data").getString("reason")).isEqualTo("request_state_gone");
    JsonObject again = call(1, "alice", new JsonObject()).result();
    assertThat(again.getString("resultType")).as("a fresh call works").isEqualTo("input_required");
  }
}
