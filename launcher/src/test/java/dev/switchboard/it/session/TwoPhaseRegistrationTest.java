package dev.switchboard.it.session;

import dev.switchboard.testkit.McpTestClient;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.it.GatewayTestBase;
import dev.switchboard.testkit.McpTestClient.Answer;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import java.util.function.BooleanSupplier;

/** Requests pipelined right after initialize wait for registration instead of failing. */
class TwoPhaseRegistrationTest extends GatewayTestBase {

  @Test
  void pipelinedListBeforeInitializedNotificationSucceeds() {
    client.initializeOnly("2025-11-25").await();

    Answer answer = client.request("tools/list").await();

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.result().getJsonArray("tools")).hasSize(4);
  }

  @Test
  void pipelinedCallSentWithTheInitializedNotificationSucceeds() {
    client.initializeOnly("2025-11-25").await();

    Future<Answer> notified = client.notify("notifications/initialized", null);
    Future<Answer> called = client.callTool("beta_echo", new JsonObject().put("text", "hi"));
    Future<Answer> listed = client.request("tools/list");
    Future.all(notified, called, listed).await();

    assertThat(notified.result().status()).isEqualTo(202);
    assertThat(called.result().result().getJsonArray("content").getJsonObject(0).getString("text"))
      .isEqualTo("beta/echo: hi");
    assertThat(listed.result().status()).isEqualTo(200);
  }

  @Test
  void concurrentFirstRequestsShareOneRegistration() {
    client.initializeOnly("2025-11-25").await();
    long alphaSessionsBefore = alpha.requestCount("initialize");

    List<Future<Answer>> answers = List.of(client.request("tools/list"), client.request("prompts/list"),
      client.request("resources/list"), client.callTool("alpha_add", new JsonObject().put("text", "1")));
    Future.all(answers).await();

    assertThat(answers).allSatisfy(f -> assertThat(f.result().status()).isEqualTo(200));
    assertThat(alpha.requestCount("initialize") - alphaSessionsBefore).isEqualTo(1);
  }

  @Test
  void backendSessionIsReusedForEveryCallOfASession() {
    client.initialize().await();
    client.request("tools/list").await();
    long before = alpha.requestCount("initialize");

    for (int i = 0; i < 5; i++) {
      client.callTool("alpha_echo", new JsonObject().put("text", "n" + i)).await();
    }

    assertThat(alpha.requestCount("initialize")).isEqualTo(before);
    assertThat(alpha.requestCount("tools/call")).isEqualTo(5);
  }

  @Test
  void deleteClosesTheBackendSessions() {
    client.initialize().await();
    client.request("tools/list").await();
    int alphaSessions = alpha.sessionCount();

    client.delete().await();

    waitUntil(() -> alpha.sessionCount() == alphaSessions - 1);
    assertThat(alpha.sessionCount()).isEqualTo(alphaSessions - 1);
  }

  private void waitUntil(BooleanSupplier condition) {
    for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
      vertx.timer(20).await();
    }
  }
}
