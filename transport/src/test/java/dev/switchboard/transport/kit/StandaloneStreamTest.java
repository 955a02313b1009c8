package dev.switchboard.transport.kit;

import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.testkit.McpTestClient.OpenStream;
import dev.switchboard.testkit.Awaits;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StandaloneStreamTest extends McpServerTestBase {
  private static final Map<String, String> SSE_ONLY = Map.of("Accept", "text/event-stream");

  @Test
  void getStreamReceivesNotifyAllNotifications() throws Exception {
    startSession();
    OpenStream stream = stream(HttpMethod.GET, null, SSE_ONLY);
    assertThat(stream.response.statusCode()).isEqualTo(200);
    assertThat(stream.response.getHeader("content-type")).startsWith("text/event-stream");
    assertThat(stream.next().isPriming()).isTrue();

    int delivered = server.notifyAll("notifications/tools/list_changed", null).await(5, TimeUnit.SECONDS);

    assertThat(delivered).isEqualTo(1);
    JsonObject notification = stream.nextMessage();
    assertThat(notification.getString("method")).isEqualTo("notifications/tools/list_changed");
    assertThat(notification.containsKey("id")).isFalse();
  }

  @Test
  void aNewerGetStreamReplacesTheOlderOneWhichEnds() throws Exception {
    startSession();
    OpenStream older = stream(HttpMethod.GET, null, SSE_ONLY);
    OpenStream newer = stream(HttpMethod.GET, null, SSE_ONLY);

    Awaits.until(() -> older.ended);
    server.notifyAll("notifications/tools/list_changed", null);
    assertThat(newer.nextMessage().getString("method")).isEqualTo("notifications/tools/list_changed");
  }

  @Test
  void getWithoutSseAcceptGets406() throws Exception {
    startSession();
    assertThat(send(HttpMethod.GET, null, Map.of("Accept", "application/json")).status()).isEqualTo(406);
  }

  @Test
  void getWithoutSessionGets400() throws Exception {
    assertThat(send(HttpMethod.GET, null, SSE_ONLY).status()).isEqualTo(400);
  }

  @Test
  void resourceUpdatedGoesOnlyToSubscribedSessions() throws Exception {
    McpTestClient other = new McpTestClient(vertx, server.url());
    startSession(other, new JsonObject());
    OpenStream otherStream = stream(other, HttpMethod.GET, null, SSE_ONLY);
    startSession();
    OpenStream stream = stream(HttpMethod.GET, null, SSE_ONLY);
    assertThat(call("resources/subscribe", new JsonObject().put("uri", "test://static")).result()).isEmpty();

    int delivered = server.resourceUpdated("test://static").await(5, TimeUnit.SECONDS);

    assertThat(delivered).isEqualTo(1);
    JsonObject notification = stream.nextMessage();
    assertThat(notification.getString("method")).isEqualTo("notifications/resources/updated");
    assertThat(notification.getJsonObject("params").getString("uri")).isEqualTo("test://static");
    assertThat(otherStream.next().isPriming()).isTrue();
    assertThat(otherStream.pending()).isZero();

    call("resources/unsubscribe", new JsonObject().put("uri", "test://static"));
    assertThat(server.resourceUpdated("test://static").await(5, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void deleteEndsTheGetStream() throws Exception {
    startSession();
    OpenStream stream = stream(HttpMethod.GET, null, SSE_ONLY);
    send(HttpMethod.DELETE, null, Map.of());
    Awaits.until(() -> stream.ended);
  }
}
