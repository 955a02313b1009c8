package dev.switchboard.core.backend.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every request carries: URL, configured headers, MCP transport headers, JSON-RPC ids. */
class HeadersTest extends BackendClientTestBase {
  @Test
  void configuredHeadersAreSent() throws Exception {
    var client = client(Duration.ofSeconds(WAIT_SECONDS), Map.of("Authorization", "Bearer t0k3n", "X-Tenant", "t1"));

    await(client.request(FakeBackend.SESSION_ID, "tools/list", null));

    MultiMap headers = backend.received().get(0).headers();
    assertThat(headers.get("Authorization")).isEqualTo("Bearer t0k3n");
    assertThat(headers.get("X-Tenant")).isEqualTo("t1");
  }

  @Test
  void sessionIdAndNegotiatedProtocolVersionAreSent() throws Exception {
    var client = client();
    var session = await(client.open(CLIENT_INFO, new JsonObject()));

    await(client.request(session.sessionId(), "tools/list", null));

    MultiMap headers = backend.received().get(2).headers();
    assertThat(headers.get("Mcp-Session-Id")).isEqualTo(FakeBackend.SESSION_ID);
    assertThat(headers.get("MCP-Protocol-Version")).isEqualTo(FakeBackend.NEGOTIATED);
  }

  @Test
  void protocolVersionDefaultsToLatestBeforeInitialize() throws Exception {
    await(client().request(null, "tools/list", null));

    MultiMap headers = backend.received().get(0).headers();
    assertThat(headers.get("MCP-Protocol-Version")).isEqualTo("2025-11-25");
    assertThat(headers.contains("Mcp-Session-Id")).isFalse();
  }

  @Test
  void postsJsonAcceptingJsonAndEventStreamToTheUrlWithItsQuery() throws Exception {
    await(client().request(null, "tools/list", null));

    FakeBackend.Received received = backend.received().get(0);
    assertThat(received.uri()).isEqualTo("/mcp?tenant=t1");
    assertThat(received.headers().get("Content-Type")).isEqualTo("application/json");
    assertThat(received.headers().get("Accept")).isEqualTo("application/json, text/event-stream");
  }

  @Test
  void requestIdsAreDistinctPerClient() throws Exception {
    var client = client();

    await(client.request(null, "tools/list", null));
    await(client.request(null, "tools/list", null));

    assertThat(backend.received()).extracting(r -> r.body().getValue("id")).doesNotHaveDuplicates()
      .allMatch(id -> id instanceof String text && text.startsWith(RequestIds.PREFIX));
  }
}
