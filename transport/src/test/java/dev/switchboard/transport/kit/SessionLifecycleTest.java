package dev.switchboard.transport.kit;

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
    KitReply reply = client.post(client.initializeRequest("2025-06-18", new JsonObject()));

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
    JsonObject result = client.post(client.initializeRequest("1999-01-01", new JsonObject())).result();
    assertThat(result.getString("protocolVersion")).isEqualTo("2025-11-25");
  }

  @Test
  void eachInitializeOpensADistinctSession() throws Exception {
    client.initialize();
    String first = client.sessionId;
    client.initialize();
    assertThat(client.sessionId).isNotEqualTo(first);
    assertThat(server.sessionCount()).isEqualTo(2);
  }

  @Test
  void pingAnswersEmptyObject() throws Exception {
    client.initialize();
    assertThat(client.call("ping", null).result()).isEqualTo(new JsonObject());
  }

  @Test
  void deleteEndsSessionThenRequestsGet404() throws Exception {
    client.initialize();
    KitReply deleted = client.send(HttpMethod.DELETE, null, Map.of());
    assertThat(deleted.status()).isEqualTo(200);

    KitReply after = client.call("ping", null);
    assertThat(after.status()).isEqualTo(404);
    assertThat(server.sessionCount()).isZero();
  }

  @Test
  void missingSessionIdGets400() throws Exception {
    KitReply reply = client.call("tools/list", null);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.message().getJsonObject("error").getInteger("code")).isEqualTo(-32000);
  }

  @Test
  void unknownSessionIdGets404() throws Exception {
    KitReply reply = client.send(HttpMethod.POST, client.request("ping", null), Map.of("Mcp-Session-Id", "no-such"));
    assertThat(reply.status()).isEqualTo(404);
  }

  @Test
  void unsupportedProtocolVersionHeaderGets400() throws Exception {
    client.initialize();
    KitReply reply = client.send(HttpMethod.POST, client.request("ping", null), Map.of("MCP-Protocol-Version", "2024-01-01"));
    assertThat(reply.status()).isEqualTo(400);
  }

  @Test
  void anySupportedVersionHeaderIsAccepted() throws Exception {
    client.initialize();
    KitReply reply = client.send(HttpMethod.POST, client.request("ping", null), Map.of("MCP-Protocol-Version", "2025-03-26"));
    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void notificationsGet202AndReachListeners() throws Exception {
    List<ReceivedNotification> seen = new CopyOnWriteArrayList<>();
    server.onNotification(seen::add);
    client.initialize();

    KitReply reply = client.post(KitClient.notification("notifications/roots/list_changed", null));

    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.body()).isEmpty();
    assertThat(seen).extracting(ReceivedNotification::method)
      .containsExactly("notifications/initialized", "notifications/roots/list_changed");
    assertThat(seen.get(0).sessionId()).isEqualTo(client.sessionId);
    assertThat(server.notificationCount("notifications/initialized")).isEqualTo(1);
    assertThat(server.requestCount("initialize")).isEqualTo(1);
  }
}
