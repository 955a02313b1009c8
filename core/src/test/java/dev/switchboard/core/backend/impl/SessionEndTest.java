package dev.switchboard.core.backend.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.backend.BackendException.Kind;
import dev.switchboard.core.protocol.JsonRpc;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** {@code send()} for notifications and responses, {@code close()} with DELETE. */
class SessionEndTest extends BackendClientTestBase {
  @Test
  void closeSendsDeleteWithTheSessionId() throws Exception {
    await(client().close(FakeBackend.SESSION_ID));

    FakeBackend.Received delete = backend.received().get(0);
    assertThat(delete.httpMethod()).isEqualTo(HttpMethod.DELETE);
    assertThat(delete.uri()).isEqualTo("/mcp?tenant=t1");
    assertThat(delete.headers().get("Mcp-Session-Id")).isEqualTo(FakeBackend.SESSION_ID);
  }

  @Test
  void closeCountsMethodNotAllowedAsClosed() throws Exception {
    backend.onDelete((request, response) -> response.setStatusCode(405).end());

    await(client().close(FakeBackend.SESSION_ID));
  }

  @Test
  void closeCountsUnknownSessionAsClosed() throws Exception {
    backend.onDelete((request, response) -> response.setStatusCode(404).end());

    await(client().close(FakeBackend.SESSION_ID));
  }

  @Test
  void closeFailsOnServerError() throws Exception {
    backend.onDelete((request, response) -> response.setStatusCode(503).end());

    backendFailure(client().close(FakeBackend.SESSION_ID), Kind.HTTP_STATUS);
  }

  @Test
  void sendPostsANotificationAndAcceptsAccepted() throws Exception {
    JsonObject notification = JsonRpc.notification("notifications/roots/list_changed", null);

    await(client().send(FakeBackend.SESSION_ID, notification));

    FakeBackend.Received received = backend.received().get(0);
    assertThat(received.body()).isEqualTo(notification);
    assertThat(received.headers().get("Mcp-Session-Id")).isEqualTo(FakeBackend.SESSION_ID);
  }

  @Test
  void sendOfAResponseForAnExpiredSessionFailsWithSessionExpired() throws Exception {
    backend.onNotificationOrResponse((request, response) -> response.setStatusCode(404).end());

    backendFailure(client().send("gone", JsonRpc.response(1, new JsonObject())), Kind.SESSION_EXPIRED);
  }
}
