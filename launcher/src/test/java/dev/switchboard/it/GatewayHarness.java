package dev.switchboard.it;

import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.launcher.Gateway;
import dev.switchboard.launcher.config.GatewayConfig;
import dev.switchboard.session.SessionStoreOptions;
import dev.switchboard.transport.TransportOptions;
import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Starts a gateway on an ephemeral loopback port in front of given backends. */
public final class GatewayHarness {
  private GatewayHarness() {
  }

  public static BackendOptions backend(String name, RunningServer server) {
    return backend(name, server.url(), Duration.ofSeconds(10));
  }

  public static BackendOptions backend(String name, String url, Duration timeout) {
    return new BackendOptions(name, URI.create(url), timeout, Map.of(), 16);
  }

  public static TransportOptions transport() {
    return new TransportOptions("127.0.0.1", 0, "/mcp", 2, 64 * 1024, 32, List.of(), List.of(),
      Duration.ofSeconds(10));
  }

  public static GatewayConfig config(List<BackendOptions> backends, AggregationOptions aggregation) {
    return new GatewayConfig(transport(), backends, aggregation,
      new SessionStoreOptions("memory", Duration.ofMinutes(5), Duration.ofSeconds(30), null, null));
  }

  public static Future<Gateway> start(Vertx vertx, List<BackendOptions> backends, AggregationOptions aggregation) {
    return Gateway.start(vertx, config(backends, aggregation));
  }
}
