package dev.switchboard.core.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.auth.BackendAuthOptions;
import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.metrics.impl.NoopGatewayMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Reconfiguration keeps outgoing credentials (and their cached tokens) unless some backend's {@code auth} changed. */
@ExtendWith(VertxExtension.class)
class BackendRegistryTest {

  @Test
  void credentialsAreRebuiltOnlyWhenSomeBackendsAuthChanged(Vertx vertx) {
    AtomicInteger built = new AtomicInteger();
    ScriptedBackend alpha = new ScriptedBackend("alpha");
    BackendRegistry registry = new BackendRegistry(vertx, List.of(alpha), new JsonObject(),
      NoopGatewayMetrics.INSTANCE, backends -> {
        built.incrementAndGet();
        return null;
      });
    BackendOptions beta = new BackendOptions("beta", URI.create("http://127.0.0.1:1/mcp"));
    try {
      registry.reconfigure(List.of(alpha.options()), options -> new ScriptedBackend(options.name()));
      assertThat(built).hasValue(1);

      registry.reconfigure(List.of(alpha.options(), beta), options -> new ScriptedBackend(options.name()));
      assertThat(built).hasValue(2);

      BackendOptions betaWithToken = new BackendOptions("beta", beta.url(), beta.timeout(), Map.of(),
        beta.maxConnections(), new BackendAuthOptions(BackendAuthOptions.Type.BEARER, null, null, null, null, null,
        "t0ken", null, Duration.ofSeconds(5), 0));
      registry.reconfigure(List.of(alpha.options(), betaWithToken), options -> new ScriptedBackend(options.name()));
      assertThat(built).hasValue(3);
    } finally {
      registry.shutdown().await();
    }
  }
}
