package dev.switchboard.it.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.it.GatewayHarness;
import dev.switchboard.it.TestBackends;
import dev.switchboard.launcher.Gateway;
import dev.switchboard.transport.auth.IncomingAuthOptions;
import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A gateway whose issuer cannot be reached at start-up does not start, and says which key to look at. */
@ExtendWith(VertxExtension.class)
class UnreachableIdpTest {

  @Test
  void gatewayDoesNotStartWithoutTheIssuersKeys(Vertx vertx) throws IOException {
    RunningServer alpha = TestBackends.start(vertx, TestBackends.named("alpha", 0, "echo")).await();
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String issuer = "http://127.0.0.1:" + closedPort + "/nobody";
    Future<Gateway> started = Gateway.start(vertx, GatewayHarness.config(
        List.of(GatewayHarness.backend("alpha", alpha)), AggregationOptions.defaults())
      .withIncomingAuth(IncomingAuthOptions.oauth2(issuer, TestIdp.RESOURCE, List.of("mcp"))));
    Throwable failure = started.transform(Future::succeededFuture).await().cause();
    assertThat(failure).isNotNull();
    assertThat(failure.getMessage()).startsWith("auth.incoming: cannot load the authorization server's metadata");
  }
}
