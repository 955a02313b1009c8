package dev.switchboard.core.backend.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.backend.BackendClient;
import dev.switchboard.core.backend.BackendException;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Outgoing credentials bound to a backend session: sent from {@code initialize} on, replaced by {@code authorize},
 * forgotten at close; a token a backend echoes in an error never reaches the message.
 */
class SessionAuthorizationTest extends BackendClientTestBase {
  private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";

  private List<String> authorizationsOf(String key) {
    return backend.received().stream().filter(r -> key.equals(r.key()))
      .map(r -> r.headers().get("Authorization")).toList();
  }

  @Test
  void openSendsTheAuthorizationOnEveryRequestOfTheNewSession() throws Exception {
    BackendClient client = client();
    await(client.open(CLIENT_INFO, new JsonObject(), "Bearer " + TOKEN));
    await(client.request(FakeBackend.SESSION_ID, "tools/list", null));
    assertThat(authorizationsOf("initialize")).containsExactly("Bearer " + TOKEN);
    assertThat(authorizationsOf("notifications/initialized")).containsExactly("Bearer " + TOKEN);
    assertThat(authorizationsOf("tools/list")).containsExactly("Bearer " + TOKEN);
  }

  @Test
  void authorizeReplacesOrRemovesTheValue() throws Exception {
    BackendClient client = client();
    client.authorize(FakeBackend.SESSION_ID, "Bearer second");
    await(client.request(FakeBackend.SESSION_ID, "tools/list", null));
    client.authorize(FakeBackend.SESSION_ID, null);
    await(client.request(FakeBackend.SESSION_ID, "prompts/list", null));
    assertThat(authorizationsOf("tools/list")).containsExactly("Bearer second");
    assertThat(authorizationsOf("prompts/list")).containsExactly((String) null);
  }

  @Test
  void closeSendsAndThenForgetsIt() throws Exception {
    BackendClient client = client();
    client.authorize(FakeBackend.SESSION_ID, "Bearer third");
    await(client.close(FakeBackend.SESSION_ID));
    await(client.request(FakeBackend.SESSION_ID, "tools/list", null));
    assertThat(backend.received().get(0).headers().get("Authorization")).isEqualTo("Bearer third");
    assertThat(authorizationsOf("tools/list")).containsExactly((String) null);
  }

  @Test
  void tokenEchoedInAnErrorBodyIsRedacted() throws Exception {
    backend.on("tools/list", (request, response) -> response.setStatusCode(401)
      .end("invalid token " + TOKEN + " (Authorization: Bearer opaque-credential-123)"));
    BackendClient client = client();
    client.authorize(FakeBackend.SESSION_ID, "Bearer " + TOKEN);
    BackendException failure = backendFailure(client.request(FakeBackend.SESSION_ID, "tools/list", null),
      BackendException.Kind.HTTP_STATUS);
    assertThat(failure.getMessage()).contains("invalid token ***").doesNotContain(TOKEN)
      .doesNotContain("opaque-credential-123");
  }
}
