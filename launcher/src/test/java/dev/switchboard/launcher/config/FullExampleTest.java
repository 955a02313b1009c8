package dev.switchboard.launcher.config;

import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.core.catalog.BackendFilter;
import dev.switchboard.core.catalog.ConflictResolution;
import dev.switchboard.core.catalog.NameOverride;
import dev.switchboard.session.SessionStoreOptions;
import dev.switchboard.transport.TransportOptions;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FullExampleTest {
  private static final String FULL = """
    server: {host: 127.0.0.1, port: 8080, path: /mcp, instances: 0, maxBodySize: 4MiB, maxJsonDepth: 64,
             allowedHosts: [gateway.example.com], allowedOrigins: ["https://app.example.com"], registrationTimeout: 60s}
    backends:
      - {name: alpha, url: "http://127.0.0.1:9001/mcp", timeout: 30s, maxConnections: 64, headers: {Authorization: "Bearer ${ALPHA_TOKEN}"}}
      - {name: beta, url: "http://127.0.0.1:9002/mcp"}
    aggregation:
      conflictResolution: prefix        # prefix | priority | manual
      prefixFormat: "{backend}_"
      priorityOrder: [alpha, beta]
      pageSize: 100
      tools:
        - backend: alpha
          include: [echo, add]
          exclude: ["debug_*"]
          overrides: {echo: {name: say, description: "Repeats what you say"}}
      prompts: [ {backend: beta, include: ["*"]} ]
      resources: [ {backend: beta, exclude: ["file:///secret/*"]} ]
    sessions: {store: memory, ttl: 30m, sweepInterval: 30s}
    """;

  private final GatewayConfig config = ConfigLoader.parse(FULL, Map.of("ALPHA_TOKEN", "s3cret"));

  @Test
  void serverMapsOntoTransportOptions() {
    assertThat(config.server()).isEqualTo(new TransportOptions("127.0.0.1", 8080, "/mcp", 0, 4L * 1024 * 1024, 64,
      List.of("gateway.example.com"), List.of("https://app.example.com"), Duration.ofSeconds(60)));
  }

  @Test
  void backendsMapOntoBackendOptionsInOrder() {
    assertThat(config.backends()).containsExactly(
      new BackendOptions("alpha", URI.create("http://127.0.0.1:9001/mcp"), Duration.ofSeconds(30),
        Map.of("Authorization", "Bearer s3cret"), 64),
      new BackendOptions("beta", URI.create("http://127.0.0.1:9002/mcp")));
  }

  @Test
  void aggregationMapsOntoAggregationOptions() {
    assertThat(config.aggregation()).isEqualTo(new AggregationOptions(ConflictResolution.PREFIX, "{backend}_",
      List.of("alpha", "beta"),
      List.of(new BackendFilter("alpha", List.of("echo", "add"), List.of("debug_*"),
        Map.of("echo", new NameOverride("say", "Repeats what you say")))),
      List.of(new BackendFilter("beta", List.of("*"), List.of(), Map.of())),
      List.of(new BackendFilter("beta", List.of(), List.of("file:///secret/*"), Map.of())),
      100));
  }

  @Test
  void memorySessionsMapOntoSessionStoreOptions() {
    assertThat(config.sessions()).isEqualTo(new SessionStoreOptions("memory", Duration.ofMinutes(30),
      Duration.ofSeconds(30), SessionStoreOptions.DEFAULT_REDIS_URL, SessionStoreOptions.DEFAULT_KEY_PREFIX));
  }

  @Test
  void redisSessionsMapOntoSessionStoreOptions() {
    GatewayConfig redis = ConfigAssertions.parse(ConfigAssertions.ONE_BACKEND + """
      sessions: {store: redis, ttl: 30m, redis: {url: "redis://10.0.0.5:6380/1", keyPrefix: "gw:"}}
      """);

    assertThat(redis.sessions()).isEqualTo(new SessionStoreOptions("redis", Duration.ofMinutes(30),
      SessionStoreOptions.DEFAULT_SWEEP_INTERVAL, "redis://10.0.0.5:6380/1", "gw:"));
  }
}
