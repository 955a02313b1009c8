package dev.switchboard.core.backend.impl;

import dev.switchboard.core.backend.BackendClient;
import dev.switchboard.core.backend.BackendException;
import dev.switchboard.core.backend.BackendSession;
import dev.switchboard.core.protocol.JsonRpc;
import dev.switchboard.core.protocol.JsonRpcError;
import dev.switchboard.core.protocol.McpException;
import dev.switchboard.core.protocol.ProtocolVersion;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backend that answers {@code server/discover} with 2026-07-28 is spoken to in the stateless revision: no
 * {@code initialize}, the client's envelope and the {@code Mcp-*} headers on every request, and {@code input_required}
 * asked of the client as server-to-client requests.
 */
class StatelessBackendTest extends BackendClientTestBase {
  private static final JsonObject CAPABILITIES = new JsonObject().put("elicitation", new JsonObject());

  @BeforeEach
  void stateless() {
    backend.on("server/discover", (request, response) -> FakeBackend.json(response, JsonRpc.response(
      request.body().getValue("id"), new JsonObject()
        .put("supportedVersions", new JsonArray().add(ProtocolVersion.V2026_07_28))
        .put("capabilities", new JsonObject().put("tools", new JsonObject()))
        .put("resultType", "complete").put("ttlMs", 0).put("cacheScope", "public")
        .put("_meta", new JsonObject().put("io.modelcontextprotocol/serverInfo",
          new JsonObject().put("name", "modern").put("version", "2"))))));
  }

  @Test
  void openProbesOnceAndInitializesNothing() throws Exception {
    BackendClient client = client();
    BackendSession first = await(client.open(CLIENT_INFO, CAPABILITIES));
    BackendSession second = await(client.open(CLIENT_INFO, new JsonObject()));
    assertThat(first.protocolVersion()).isEqualTo(ProtocolVersion.V2026_07_28);
    assertThat(first.serverInfo().getString("name")).isEqualTo("modern");
    assertThat(first.serverCapabilities().containsKey("tools")).isTrue();
    assertThat(first.sessionId()).isNotEqualTo(second.sessionId());
    assertThat(backend.received()).extracting(FakeBackend.Received::method).containsExactly("server/discover");
    assertThat(backend.received().get(0).headers().get("MCP-Protocol-Version")).isEqualTo("2026-07-28");
    assertThat(backend.received().get(0).headers().get("Mcp-Method")).isEqualTo("server/discover");
  }

  @Test
  void eachRequestCarriesItsClientsEnvelopeAndHeaders() throws Exception {
    BackendClient client = client();
    BackendSession session = await(client.open(CLIENT_INFO, CAPABILITIES));
    await(client.request(session.sessionId(), "logging/setLevel", new JsonObject().put("level", "info")));
    await(client.request(session.sessionId(), "tools/call", new JsonObject().put("name", "echo")
      .put("arguments", new JsonObject())));
    FakeBackend.Received call = backend.awaitMessage("tools/call").await();
    assertThat(call.headers().get("Mcp-Session-Id")).isNull();
    assertThat(call.headers().get("MCP-Protocol-Version")).isEqualTo("2026-07-28");
    assertThat(call.headers().get("Mcp-Method")).isEqualTo("tools/call");
    assertThat(call.headers().get("Mcp-Name")).isEqualTo("echo");
    JsonObject meta = call.body().getJsonObject("params").getJsonObject("_meta");
    assertThat(meta.getString("io.modelcontextprotocol/protocolVersion")).isEqualTo("2026-07-28");
    assertThat(meta.getJsonObject("io.modelcontextprotocol/clientCapabilities")).isEqualTo(CAPABILITIES);
    assertThat(meta.getJsonObject("io.modelcontextprotocol/clientInfo")).isEqualTo(CLIENT_INFO);
    assertThat(meta.getString("io.modelcontextprotocol/logLevel")).as("setLevel is carried, not sent")
      .isEqualTo("info");
    assertThat(backend.received()).extracting(FakeBackend.Received::method).doesNotContain("logging/setLevel");
  }

  @Test
  void inputRequiredIsAskedOfTheClientAndTheRequestSentAgain() throws Exception {
    backend.on("tools/call", (request, response) -> {
      JsonObject params = request.body().getJsonObject("params");
      JsonObject result = params.containsKey("inputResponses")
        ? new JsonObject().put("content", new JsonArray().add(new JsonObject().put("type", "text").put("text",
          "hello " + params.getJsonObject("inputResponses").getJsonObject("who").getJsonObject("content")
            .getString("name") + " " + params.getString("requestState"))))
        : new JsonObject().put("resultType", "input_required").put("requestState", "backend-state")
          .put("inputRequests", new JsonObject().put("who", new JsonObject().put("method", "elicitation/create")
            .put("params", new JsonObject().put("message", "Who?"))));
      FakeBackend.json(response, JsonRpc.response(request.body().getValue("id"), result));
    });
    BackendClient client = client();
    BackendSession session = await(client.open(CLIENT_INFO, CAPABILITIES));
    List<JsonObject> asked = new CopyOnWriteArrayList<>();
    Future<JsonObject> call = client.request(session.sessionId(), "tools/call",
      new JsonObject().put("name", "greet"), message -> {
        asked.add(message);
        client.send(session.sessionId(), new JsonObject().put("jsonrpc", "2.0").put("id", message.getValue("id"))
          .put("result", new JsonObject().put("action", "accept").put("content", new JsonObject().put("name", "Ada"))));
      });
    JsonObject result = await(call);
    assertThat(result.getJsonArray("content").getJsonObject(0).getString("text")).isEqualTo("hello Ada backend-state");
    assertThat(asked).hasSize(1);
    assertThat(asked.get(0).getString("method")).isEqualTo("elicitation/create");
    assertThat(asked.get(0).getJsonObject("params").getJsonObject("_meta").getString("dev.switchboard/inputKey"))
      .isEqualTo("who");
  }

  @Test
  void aResourceSubscriptionIsRefusedRatherThanPromised() throws Exception {
    BackendClient client = client();
    BackendSession session = await(client.open(CLIENT_INFO, CAPABILITIES));
    assertThat(failure(client.request(session.sessionId(), "resources/subscribe",
      new JsonObject().put("uri", "test://x")))).isInstanceOfSatisfying(McpException.class,
        e -> assertThat(e.code()).isEqualTo(JsonRpcError.METHOD_NOT_FOUND));
    assertThat(await(client.request(session.sessionId(), "resources/unsubscribe",
      new JsonObject().put("uri", "test://x")))).isEqualTo(new JsonObject());
    assertThat(backend.received()).extracting(FakeBackend.Received::method)
      .doesNotContain("resources/subscribe", "resources/unsubscribe");
  }

  @Test
  void aHandleThisClientDoesNotKnowIsAnExpiredSession() throws Exception {
    BackendClient client = client();
    await(client.open(CLIENT_INFO, CAPABILITIES));
    backendFailure(client.request("stateless-of-another-instance", "tools/list", null),
      BackendException.Kind.SESSION_EXPIRED);
  }
}
