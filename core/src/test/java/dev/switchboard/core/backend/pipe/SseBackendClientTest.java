package dev.switchboard.core.backend.pipe;

import static dev.switchboard.core.backend.pipe.SharedProcessTest.await;
import static dev.switchboard.core.backend.pipe.SharedProcessTest.text;
import static dev.switchboard.core.backend.pipe.SharedProcessTest.tool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.backend.BackendClient;
import dev.switchboard.core.backend.BackendClients;
import dev.switchboard.core.backend.BackendException;
import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.backend.BackendSession;
import dev.switchboard.core.backend.BackendTransport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The legacy HTTP+SSE client against a server that behaves like the TypeScript SDK's SSE transport. */
@ExtendWith(VertxExtension.class)
class SseBackendClientTest {
  private static final JsonObject INFO = new JsonObject().put("name", "switchboard").put("version", "test");

  private FakeLegacyServer server;
  private BackendClient client;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    server = await(new FakeLegacyServer(vertx).start());
    client = BackendClients.create(vertx, new BackendOptions("legacy", server.url(), Duration.ofSeconds(5),
      Map.of("Authorization", "Bearer s3cret"), 4, BackendTransport.SSE, null), false);
  }

  @AfterEach
  void stop() throws Exception {
    await(client.shutdown());
    await(server.close());
  }

  @Test
  void opensASessionOverTheAnnouncedEndpoint() throws Exception {
    BackendSession session = await(client.open(INFO, new JsonObject()));

    assertThat(session.protocolVersion()).isEqualTo("2024-11-05");
    assertThat(session.serverInfo().getString("name")).isEqualTo("legacy");
    assertThat(await(client.request(session.sessionId(), "tools/list", null)).getJsonArray("tools")).hasSize(1);
  }

  @Test
  void answersOnTheStreamAreMatchedToTheirRequests() throws Exception {
    String session = await(client.open(INFO, new JsonObject())).sessionId();

    Future<JsonObject> slow = client.request(session, "tools/call", tool("echo", new JsonObject().put("text", "slow")
      .put("slow", true)));
    Future<JsonObject> fast = client.request(session, "tools/call", tool("echo", new JsonObject().put("text", "fast")));

    assertThat(text(await(slow))).isEqualTo("echo: slow");
    assertThat(text(await(fast))).isEqualTo("echo: fast");
  }

  @Test
  void configuredHeadersGoOnTheStreamAndOnEveryPost() throws Exception {
    await(client.open(INFO, new JsonObject()));

    assertThat(server.getHeaders).allSatisfy(h -> assertThat(h.get("Authorization")).isEqualTo("Bearer s3cret"));
    assertThat(server.postHeaders).isNotEmpty()
      .allSatisfy(h -> assertThat(h.get("Authorization")).isEqualTo("Bearer s3cret"));
  }

  @Test
  void eachBackendSessionHasItsOwnConnection() throws Exception {
    await(client.open(INFO, new JsonObject()));
    await(client.open(INFO, new JsonObject()));

    assertThat(server.connections.get()).isEqualTo(2);
  }

  @Test
  void lostStreamIsReconnectedUnderTheSameSessionId() throws Exception {
    String session = await(client.open(INFO, new JsonObject())).sessionId();

    server.dropStreams();

    JsonObject answer = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (answer == null && System.nanoTime() < deadline) {
      try {
        answer = await(client.request(session, "tools/call", tool("echo", new JsonObject().put("text", "back"))));
      } catch (BackendException e) {
        assertThat(e.kind()).isEqualTo(BackendException.Kind.UNREACHABLE);
        Thread.sleep(100);
      }
    }
    assertThat(answer).isNotNull();
    assertThat(text(answer)).isEqualTo("echo: back");
    assertThat(server.connections.get()).isEqualTo(2);
  }

  @Test
  void forgottenSessionFailsAsExpiredSoThatTheCoreRenewsIt() throws Exception {
    String session = await(client.open(INFO, new JsonObject())).sessionId();

    server.forgetSessions();

    assertThatThrownBy(() -> await(client.request(session, "tools/list", null))).isInstanceOfSatisfying(
      BackendException.class, e -> assertThat(e.kind()).isEqualTo(BackendException.Kind.SESSION_EXPIRED));
    assertThatThrownBy(() -> await(client.request(session, "tools/list", null))).isInstanceOfSatisfying(
      BackendException.class, e -> assertThat(e.kind()).isEqualTo(BackendException.Kind.SESSION_EXPIRED));
    String renewed = await(client.open(INFO, new JsonObject())).sessionId();
    assertThat(await(client.request(renewed, "tools/list", null)).getJsonArray("tools")).hasSize(1);
  }

  @Test
  void endpointOnAnotherOriginFailsTheOpeningWithoutSendingCredentialsThere() throws Exception {
    server.endpoint = "http://127.0.0.2:" + server.url().getPort() + "/messages?sessionId=1";

    assertThatThrownBy(() -> await(client.open(INFO, new JsonObject()))).isInstanceOfSatisfying(
      BackendException.class, e -> assertThat(e.getMessage()).contains("another origin"));
    assertThat(server.postHeaders).isEmpty();
  }

  @Test
  void serverThatRefusesTheStreamFailsTheOpening(Vertx vertx) throws Exception {
    BackendClient wrong = BackendClients.create(vertx, new BackendOptions("legacy", server.url().resolve("/nope"),
      Duration.ofSeconds(5), Map.of(), 4, BackendTransport.SSE, null), false);
    try {
      assertThatThrownBy(() -> await(wrong.open(INFO, new JsonObject()))).isInstanceOfSatisfying(
        BackendException.class, e -> assertThat(e.getMessage()).contains("HTTP 404"));
    } finally {
      await(wrong.shutdown());
    }
  }
}
