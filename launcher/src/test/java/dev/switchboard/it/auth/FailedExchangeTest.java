package dev.switchboard.it.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.testkit.McpTestClient.Answer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A token exchange that fails (here: the token endpoint stops answering) turns a tools/call into an {@code isError}
 * result naming the backend, within the exchange timeout (1 s), never a hang; the backend never sees the call.
 * Exchanged tokens are renewed 2 hours before expiry here, so that every call exchanges again.
 */
class FailedExchangeTest extends OutgoingAuthTestBase {

  @Override
  protected Duration refreshBefore() {
    return Duration.ofHours(2);
  }

  @Test
  void hangingTokenEndpointMakesTheCallAnErrorResultNamingTheBackend() {
    McpTestClient alice = session(idp.token("alice"));
    assertThat(alice.request("tools/list").await().result().encode()).contains("alpha_echo");
    idpProxy.hang();
    long start = System.nanoTime();
    Answer called = alice.callTool("alpha_echo", new JsonObject().put("text", "hi")).await();
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(called.status()).isEqualTo(200);
    assertThat(called.result().getBoolean("isError")).isTrue();
    assertThat(text(called)).contains("backend 'alpha'").contains("credentials");
    assertThat(millis).isLessThan(5_000);
    assertThat(alphaProxy.seen()).extracting(AuthRecordingProxy.Seen::rpcMethod).doesNotContain("tools/call");
  }
}
