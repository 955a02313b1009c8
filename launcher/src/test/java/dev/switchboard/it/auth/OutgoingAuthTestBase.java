package dev.switchboard.it.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.auth.BackendAuthOptions;
import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.it.GatewayHarness;
import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.testkit.McpTestClient.Answer;
import dev.switchboard.it.TestBackends;
import dev.switchboard.launcher.config.GatewayConfig;
import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * A gateway with incoming OAuth2 in front of three backends, each behind a {@link AuthRecordingProxy}: {@code alpha}
 * (token-exchange, audience alpha-api), {@code beta} (client-credentials, scope beta-api) and {@code gamma} (bearer,
 * a static token). Token requests go to the real IdP through a recording proxy too.
 */
abstract class OutgoingAuthTestBase extends AuthGatewayTestBase {
  static final String STATIC_TOKEN = "static-legacy-token";

  protected AuthRecordingProxy idpProxy;
  protected AuthRecordingProxy alphaProxy;
  protected AuthRecordingProxy betaProxy;
  protected AuthRecordingProxy gammaProxy;

  /** How long before expiry an exchanged token is renewed (a huge value makes every call exchange again). */
  protected Duration refreshBefore() {
    return BackendAuthOptions.DEFAULT_REFRESH_BEFORE;
  }

  @Override
  protected GatewayConfig config() {
    RunningServer beta = TestBackends.start(vertx, TestBackends.named("beta", 0, "echo")).await();
    RunningServer gamma = TestBackends.start(vertx, TestBackends.named("gamma", 0, "echo")).await();
    idpProxy = AuthRecordingProxy.start(vertx, idp.issuer()).await();
    alphaProxy = AuthRecordingProxy.start(vertx, alpha.url()).await();
    betaProxy = AuthRecordingProxy.start(vertx, beta.url()).await();
    gammaProxy = AuthRecordingProxy.start(vertx, gamma.url()).await();
    String tokenUrl = idpProxy.url("/idp/token");
    BackendAuthOptions exchange = new BackendAuthOptions(BackendAuthOptions.Type.TOKEN_EXCHANGE, tokenUrl, "gateway",
      "gateway-secret", "alpha-api", List.of("read"), null, refreshBefore(), Duration.ofSeconds(1), 0);
    BackendAuthOptions service = new BackendAuthOptions(BackendAuthOptions.Type.CLIENT_CREDENTIALS, tokenUrl,
      "gateway", "gateway-secret", "beta-api", List.of("beta-api"), null, null, Duration.ofSeconds(1), 0);
    BackendAuthOptions legacy = new BackendAuthOptions(BackendAuthOptions.Type.BEARER, null, null, null, null, null,
      STATIC_TOKEN, null, null, 0);
    List<BackendOptions> backends = List.of(
      new BackendOptions("alpha", URI.create(alphaProxy.url("/mcp")), Duration.ofSeconds(10), Map.of(), 8, exchange),
      new BackendOptions("beta", URI.create(betaProxy.url("/mcp")), Duration.ofSeconds(10), Map.of(), 8, service),
      new BackendOptions("gamma", URI.create(gammaProxy.url("/mcp")), Duration.ofSeconds(10), Map.of(), 8, legacy));
    return GatewayHarness.config(backends, AggregationOptions.defaults()).withIncomingAuth(incoming());
  }

  protected McpTestClient session(String token) {
    McpTestClient client = client(token);
    assertThat(client.initialize().await().status()).isEqualTo(200);
    return client;
  }

  protected static String text(Answer answer) {
    return answer.result().getJsonArray("content").getJsonObject(0).getString("text");
  }

  static JsonObject claims(String authorization) {
    assertThat(authorization).startsWith("Bearer ");
    return new JsonObject(TestIdp.payload(authorization.substring("Bearer ".length())));
  }

  static List<String> tokensSeen(AuthRecordingProxy proxy) {
    return proxy.seen().stream().map(AuthRecordingProxy.Seen::authorization).filter(Objects::nonNull).toList();
  }

  long exchanges() {
    return idpProxy.seen().stream().filter(s -> s.body().contains("token-exchange")).count();
  }
}
