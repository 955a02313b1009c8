package dev.switchboard.core.backend.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.backend.BackendException.Kind;
import dev.switchboard.core.protocol.JsonRpc;
import dev.switchboard.core.protocol.McpException;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How {@code request()} fails: JSON-RPC errors, HTTP statuses, unreachable and silent backends. */
class FailureTest extends BackendClientTestBase {
  private static final JsonObject ARGS = new JsonObject().put("name", "add");

  @Test
  void jsonRpcErrorFailsWithMcpExceptionCarryingCodeAndData() throws Exception {
    backend.on("tools/call", (request, response) -> FakeBackend.json(response, JsonRpc.errorResponse(
      request.body().getValue("id"), JsonRpc.errorObject(-32602, "Unknown tool: add", new JsonObject().put("x", 1)))));

    Throwable failure = failure(client().request(FakeBackend.SESSION_ID, "tools/call", ARGS));

    assertThat(failure).isInstanceOf(McpException.class).hasMessage("Unknown tool: add");
    assertThat(((McpException) failure).code()).isEqualTo(-32602);
    assertThat(((McpException) failure).data()).isEqualTo(new JsonObject().put("x", 1));
  }

  @Test
  void notFoundForASessionFailsWithSessionExpired() throws Exception {
    backend.on("tools/call", (request, response) -> response.setStatusCode(404).end("no such session"));

    backendFailure(client().request(FakeBackend.SESSION_ID, "tools/call", ARGS), Kind.SESSION_EXPIRED);
  }

  @Test
  void notFoundWithoutSessionFailsWithHttpStatus() throws Exception {
    backend.on("tools/call", (request, response) -> response.setStatusCode(404).end());

    var failure = backendFailure(client().request(null, "tools/call", ARGS), Kind.HTTP_STATUS);

    assertThat(failure.getMessage()).contains("HTTP 404");
  }

  @Test
  void serverErrorFailsWithHttpStatusAndAShortBodySnippet() throws Exception {
    backend.on("tools/call", (request, response) -> response.setStatusCode(500).end("boom " + "x".repeat(10_000)));

    var failure = backendFailure(client().request(FakeBackend.SESSION_ID, "tools/call", ARGS), Kind.HTTP_STATUS);

    assertThat(failure.getMessage()).contains("HTTP 500: boom xxx").hasSizeLessThan(300);
  }

  @Test
  void errorMessagesNeverQuoteConfiguredHeaderValues() throws Exception {
    backend.on("tools/call", (request, response) -> response.setStatusCode(401)
      .end("bad credentials: " + request.headers().get("Authorization")));
    var client = client(Duration.ofSeconds(WAIT_SECONDS), Map.of("Authorization", "Bearer s3cr3t-t0ken-value"));

    var failure = backendFailure(client.request(FakeBackend.SESSION_ID, "tools/call", ARGS), Kind.HTTP_STATUS);

    assertThat(failure.getMessage()).contains("HTTP 401: bad credentials").doesNotContain("s3cr3t");
  }

  @Test
  void closedPortFailsWithUnreachable() throws Exception {
    HttpServer probe = await(vertx.createHttpServer().requestHandler(r -> r.response().end()).listen(0, "127.0.0.1"));
    int port = probe.actualPort();
    await(probe.close());
    var client = client(URI.create("http://127.0.0.1:" + port + "/mcp"), Duration.ofSeconds(WAIT_SECONDS), Map.of());

    backendFailure(client.request(null, "tools/call", ARGS), Kind.UNREACHABLE);
  }

  @Test
  void silentBackendTimesOutAndReceivesCancelled() throws Exception {
    backend.on("tools/call", (request, response) -> { });
    var client = client(Duration.ofMillis(300), Map.of());

    long start = System.nanoTime();
    var failure = backendFailure(client.request(FakeBackend.SESSION_ID, "tools/call", ARGS), Kind.TIMEOUT);
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(failure.getMessage()).isEqualTo("backend 'fake': timed out after 0.3s");
    assertThat(elapsedMillis).isBetween(290L, 2_000L);
    FakeBackend.Received call = await(backend.awaitMessage("tools/call"));
    FakeBackend.Received cancelled = await(backend.awaitMessage("notifications/cancelled"));
    assertThat(cancelled.body().getJsonObject("params").getValue("requestId")).isEqualTo(call.body().getValue("id"));
    assertThat(cancelled.body().getJsonObject("params").getString("reason")).isEqualTo("timed out after 0.3s");
    assertThat(cancelled.headers().get("Mcp-Session-Id")).isEqualTo(FakeBackend.SESSION_ID);
  }
}
