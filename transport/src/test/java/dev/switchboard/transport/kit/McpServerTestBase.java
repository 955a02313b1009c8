package dev.switchboard.transport.kit;

import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.testkit.McpTestClient.Answer;
import dev.switchboard.testkit.McpTestClient.OpenStream;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts {@link TestServers#builder()} (as adjusted by {@link #configure}) on a free port, with the shared test
 * client ({@link McpTestClient}) and blocking shorthands for the test thread.
 */
@ExtendWith(VertxExtension.class)
abstract class McpServerTestBase {
  private static final long WAIT_SECONDS = 10;
  protected Vertx vertx;
  protected RunningServer server;
  protected McpTestClient client;

  @BeforeEach
  void startServer(Vertx vertx) throws Exception {
    this.vertx = vertx;
    server = configure(TestServers.builder()).build().listen(vertx, "127.0.0.1", 0, "/mcp")
      .await(WAIT_SECONDS, TimeUnit.SECONDS);
    client = new McpTestClient(vertx, server.url());
  }

  @AfterEach
  void stopServer() throws Exception {
    server.close().await(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  protected McpServerBuilder configure(McpServerBuilder builder) {
    return builder;
  }

  /** initialize (declaring {@code capabilities}), then {@code notifications/initialized}; the initialize result. */
  protected JsonObject startSession(JsonObject capabilities) throws Exception {
    return startSession(client, capabilities);
  }

  protected JsonObject startSession() throws Exception {
    return startSession(client, new JsonObject());
  }

  /** Starts a session for another client of the same server. */
  protected JsonObject startSession(McpTestClient who, JsonObject capabilities) throws Exception {
    return who.capabilities(capabilities).initialize(who.protocolVersion()).await(WAIT_SECONDS, TimeUnit.SECONDS)
      .result();
  }

  protected JsonObject initializeRequest(String version, JsonObject capabilities) {
    return client.capabilities(capabilities).initializeMessage(version);
  }

  /** A request message with the next id. */
  protected JsonObject request(String method, JsonObject params) {
    return client.message(client.nextId(), method, params);
  }

  protected Answer call(String method, JsonObject params) throws Exception {
    return post(request(method, params));
  }

  protected Answer post(Object body) throws Exception {
    return send(HttpMethod.POST, body, Map.of());
  }

  /** Sends with the usual headers, overridden by {@code headers} (a null value removes one); a String is sent raw. */
  protected Answer send(HttpMethod method, Object body, Map<String, String> headers) throws Exception {
    return sendAsync(method, body, headers).await(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  protected Future<Answer> sendAsync(HttpMethod method, Object body, Map<String, String> headers) {
    return client.exchange(exchange(method, body, headers));
  }

  /** Sends and returns once the answer's headers arrived; its events queue up as they stream in. */
  protected OpenStream stream(HttpMethod method, Object body, Map<String, String> headers) throws Exception {
    return stream(client, method, body, headers);
  }

  protected OpenStream stream(McpTestClient who, HttpMethod method, Object body, Map<String, String> headers)
    throws Exception {
    return who.openStream(exchange(who, method, body, headers)).await(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  private McpTestClient.Exchange exchange(HttpMethod method, Object body, Map<String, String> headers) {
    return exchange(client, method, body, headers);
  }

  private static McpTestClient.Exchange exchange(McpTestClient who, HttpMethod method, Object body,
                                                 Map<String, String> headers) {
    McpTestClient.Exchange exchange = who.request().method(method);
    if (body instanceof String raw) {
      exchange.rawBody(raw);
    } else if (body == null) {
      exchange.body((Buffer) null);
    } else {
      exchange.body(body);
    }
    headers.forEach(exchange::header);
    return exchange;
  }
}
