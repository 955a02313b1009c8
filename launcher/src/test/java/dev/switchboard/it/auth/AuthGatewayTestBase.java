package dev.switchboard.it.auth;

import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.it.GatewayHarness;
import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.it.TestBackends;
import dev.switchboard.launcher.Gateway;
import dev.switchboard.launcher.config.GatewayConfig;
import dev.switchboard.transport.auth.IncomingAuthOptions;
import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A gateway with {@code auth.incoming.type: oauth2} (issuer found by OIDC discovery on the real mock IdP, resource
 * {@value TestIdp#RESOURCE}, scope {@code mcp} required) in front of one backend {@code alpha} (tools echo, add).
 */
@ExtendWith(VertxExtension.class)
public abstract class AuthGatewayTestBase {
  protected Vertx vertx;
  protected TestIdp idp;
  protected RunningServer alpha;
  protected Gateway gateway;

  @BeforeEach
  void startGateway(Vertx vertx) {
    this.vertx = vertx;
    idp = new TestIdp();
    alpha = TestBackends.start(vertx, TestBackends.named("alpha", 0, "echo", "add")).await();
    gateway = Gateway.start(vertx, config()).await();
  }

  /** The configuration under test; subclasses adjust it. */
  protected GatewayConfig config() {
    return GatewayHarness.config(List.of(GatewayHarness.backend("alpha", alpha)), AggregationOptions.defaults())
      .withIncomingAuth(incoming());
  }

  protected IncomingAuthOptions incoming() {
    return IncomingAuthOptions.oauth2(idp.issuer(), TestIdp.RESOURCE, List.of("mcp"));
  }

  @AfterEach
  void stopGateway() {
    if (gateway != null) {
      gateway.stop().await();
    }
    idp.close();
  }

  protected McpTestClient client(String token) {
    return new McpTestClient(vertx, gateway.url()).bearer(token);
  }
}
