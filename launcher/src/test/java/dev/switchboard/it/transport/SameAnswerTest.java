package dev.switchboard.it.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.it.GatewayHarness;
import dev.switchboard.it.GatewayTestBase;
import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.testkit.McpTestClient.Answer;
import dev.switchboard.it.TestBackends;
import dev.switchboard.transport.TransportOptions;
import dev.switchboard.transport.kit.McpServerBuilder;
import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway and a server built on the kit stand on the same streamable-HTTP layer: the same bad input gets the same
 * HTTP status and the same JSON-RPC error code from both. The kit server has the gateway's body and depth bounds.
 */
class SameAnswerTest extends GatewayTestBase {
  private static final String SSE = "text/event-stream";
  private RunningServer kitServer;

  @BeforeEach
  void startKitServer() {
    TransportOptions bounds = GatewayHarness.transport();
    McpServerBuilder builder = TestBackends.named("kit", 0, "echo");
    builder.options().setMaxBodyBytes(bounds.maxBodyBytes()).setMaxJsonDepth(bounds.maxJsonDepth());
    kitServer = TestBackends.start(vertx, builder).await();
  }

  @AfterEach
  void stopKitServer() {
    kitServer.close().await();
  }

  /** One bad request, made the same way against both servers (each with its own session). */
  private record Outcome(int status, Integer code, List<Integer> batchCodes) {
    static Outcome of(Answer answer) {
      if (answer.body().length() == 0) {
        return new Outcome(answer.status(), null, null);
      }
      Object json = answer.jsonValue();
      if (json instanceof JsonArray batch) {
        return new Outcome(answer.status(), null, batch.stream()
          .map(e -> ((JsonObject) e).getJsonObject("error") == null ? null
            : ((JsonObject) e).getJsonObject("error").getInteger("code")).toList());
      }
      JsonObject error = ((JsonObject) json).getJsonObject("error");
      return new Outcome(answer.status(), error == null ? null : error.getInteger("code"), null);
    }
  }

  private Outcome[] both(String version, Function<McpTestClient, McpTestClient.Exchange> request) {
    McpTestClient kit = new McpTestClient(vertx, kitServer.url());
    McpTestClient gw = newClient();
    if (version != null) {
      kit.initialize(version).await();
      gw.initialize(version).await();
    }
    Outcome fromKit = Outcome.of(kit.exchange(request.apply(kit)).await());
    Outcome fromGateway = Outcome.of(gw.exchange(request.apply(gw)).await());
    return new Outcome[] {fromGateway, fromKit};
  }

  private static void same(Outcome[] outcomes, int expectedStatus) {
    assertThat(outcomes[0]).isEqualTo(outcomes[1]);
    assertThat(outcomes[0].status()).isEqualTo(expectedStatus);
  }

  @Test
  void wrongAcceptOnPost() {
    same(both("2025-11-25", c -> c.request().header("Accept", "application/json").body(c.message(9, "ping", null))),
      406);
  }

  @Test
  void wrongAcceptOnGet() {
    same(both("2025-11-25", c -> c.request().method(HttpMethod.GET).header("Accept", "application/json")
      .body((Buffer) null)), 406);
  }

  @Test
  void wrongContentType() {
    same(both("2025-11-25", c -> c.request().header("Content-Type", "text/plain").body(c.message(9, "ping", null))),
      415);
  }

  @Test
  void badJson() {
    Outcome[] outcomes = both("2025-11-25", c -> c.request().rawBody("{\"jsonrpc\": \"2.0\", "));
    same(outcomes, 400);
    assertThat(outcomes[0].code()).isEqualTo(-32700);
  }

  @Test
  void badElementInABatchGetsItsOwnError() {
    Outcome[] outcomes = both("2025-03-26", c -> c.request().body(new JsonArray()
      .add(c.message(7, "ping", null))
      .add(new JsonObject().put("jsonrpc", "1.0").put("id", 8).put("method", "ping"))));
    same(outcomes, 200);
    assertThat(outcomes[0].batchCodes()).containsExactly(null, -32600);
  }

  @Test
  void unsupportedProtocolVersion() {
    same(both("2025-11-25", c -> c.request().header("MCP-Protocol-Version", "1999-01-01")
      .body(c.message(9, "ping", null))), 400);
  }

  @Test
  void foreignOrigin() {
    same(both(null, c -> c.request().noSession().header("Origin", "https://evil.example.com")
      .body(c.message(1, "ping", null))), 403);
  }

  @Test
  void unknownSession() {
    Outcome[] outcomes = both(null, c -> c.request().header("Mcp-Session-Id", "unknown-session-id-0123456789")
      .body(c.message(1, "ping", null)));
    same(outcomes, 404);
    assertThat(outcomes[0].code()).isEqualTo(-32001);
  }

  @Test
  void oversizedBody() {
    String padding = "x".repeat((int) GatewayHarness.transport().maxBodyBytes() * 2);
    same(both("2025-11-25", c -> c.request().body(c.message(9, "ping", new JsonObject().put("pad", padding)))),
      413);
  }

  @Test
  void getWithoutSession() {
    same(both(null, c -> c.request().method(HttpMethod.GET).noSession().header("Accept", SSE).body((Buffer) null)),
      400);
  }
}
