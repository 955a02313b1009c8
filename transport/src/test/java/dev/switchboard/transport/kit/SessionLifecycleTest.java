package dev.switchboard.transport.kit;

import dev.switchboard.testkit.McpTestClient.Answer;
import dev.switchboard.testkit.McpTestClient;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.transport.streamable.SessionIds;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SessionLifecycleTest extends McpServerTestBase {

  @Test
  void initializeIssuesSessionIdAndNegotiatesRequestedVersion() throws Exception {
    Answer reply = post(initializeRequest("2025-06-18", new JsonObject()));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("application/json");
    String sessionId = reply.headers().get("Mcp-Session-Id");
    assertThat(SessionIds.isWellFormed(sessionId)).isTrue();
    JsonObject result = reply.result();
    assertThat(result.getString("protocolVersion")).isEqualTo("2025-06-18");
    assertThat(result.getJsonObject("serverInfo").getString("name")).isEqualTo("test-server");
    assertThat(result.getString("instructions")).isEqualTo("A server for tests");
    assertThat(result.getJsonObject("capabilities").fieldNames())
      .containsExactlyInAnyOrder("logging", "tools", "resources", "prompts", "completions");
    assertThat(result.getJsonObject("capabilities").getJsonObject("resources").getBoolean("subscribe")).isTrue();
  }

  @Test
  void unsupportedRequestedVersionGetsTheLatest() throws Exception {
    JsonObject result = post(initializeRequest("1999-01-01", new JsonObject())).result();
    assertThat(result.getString("protocolVersion")).isEqualTo("2025-11-25");
  }

  @Test
  void eachInitializeOpensADistinctSession() throws Exception {
    startSession();
    String first = client.sessionId();
    startSession();
    assertThat(client.sessionId()).isNotEqualTo(first);
    assertThat(server.sessionCount()).isEqualTo(2);
  }

  @Test
  void pingAnswersEmptyObject() throws Exception {
    startSession();
    assertThat(call("ping", null).result()).isEqualTo(new JsonObject());
  }

  @Test
  void deleteEndsSessionThenRequestsGet404() throws Exception {
    startSession();
    Answer deleted = send(HttpMethod.DELETE, null, Map.of());
    assertThat(deleted.status()).isEqualTo(200);

    Answer after = call("ping", null);
    assertThat(after.status()).isEqualTo(404);
    assertThat(server.sessionCount()).isZero();
  }

  @Test
  void missingSessionIdGets400() throws Exception {
    Answer reply = call("tools/list", null);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.message().getJsonObject("error").getInteger("code")).isEqualTo(-32000);
  }

  @Test
  void unknownSessionIdGets404() throws Exception {
    Answer reply = send(HttpMethod.POST, request("ping", null), Map.of("Mcp-Session-Id", "no-such"));
    assertThat(reply.status()).isEqualTo(404);
  }

  @Test
  void unsupportedProtocolVersionHeaderGets400() throws Exception {
    startSession();
    Answer reply = send(HttpMethod.POST, request("ping", null), Map.of("MCP-Protocol-Version", "2024-01-01"));
    assertThat(reply.status()).isEqualTo(400);
  }

  @Test
  void anySupportedVersionHeaderIsAccepted() throws Exception {
    startSession();
    Answer reply = send(HttpMethod.POST, request("ping", null), Map.of("MCP-Protocol-Version", "2025-03-26"));
    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void notificationsGet202AndReachListeners() throws Exception {
    List<ReceivedNotification> seen = new CopyOnWriteArrayList<>();
    server.onNotification(seen::add);
    startSession();

    Answer reply = post(McpTestClient.notification("notifications/roots/list_changed", null));

    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.body().length()).isZero();
    assertThat(seen).extracting(ReceivedNotification::method)
      .containsExactly("notifications/initialized", "notifications/roots/list_changed");
    assertThat(seen.get(0).sessionId()).isEqualTo(client.sessionId());
    assertThat(server.notificationCount("notifications/initialized")).isEqualTo(1);
    assertThat(server.requestCount("initialize")).isEqualTo(1);
  }
}
