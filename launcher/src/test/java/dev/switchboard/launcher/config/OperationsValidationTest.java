package dev.switchboard.launcher.config;

import static dev.switchboard.launcher.config.ConfigAssertions.ONE_BACKEND;
import static dev.switchboard.launcher.config.ConfigAssertions.assertRejected;
import static dev.switchboard.launcher.config.ConfigAssertions.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.health.BreakerOptions;
import dev.switchboard.core.health.HealthOptions;
import dev.switchboard.launcher.ops.OperationsOptions;
import dev.switchboard.launcher.ops.VertxMeters;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The operations keys: backends[].health, backends[].circuitBreaker, metrics, management, audit, reload. */
class OperationsValidationTest {

  @Test
  void healthAndBreakerMapOntoTheBackendsOptions() {
    BackendOptions backend = parse("""
      backends:
        - name: alpha
          url: "http://127.0.0.1:9001/mcp"
          health: {interval: 10s, timeout: 3s, unhealthyThreshold: 4, healthyThreshold: 2, registrationDeadline: 1s}
          circuitBreaker: {failureThreshold: 7, openFor: 1m}
      """).backends().get(0);

    assertThat(backend.health()).isEqualTo(new HealthOptions(Duration.ofSeconds(10), Duration.ofSeconds(3), 4, 2,
      Duration.ofSeconds(1)));
    assertThat(backend.circuitBreaker()).isEqualTo(new BreakerOptions(7, Duration.ofMinutes(1)));
  }

  @Test
  void healthDefaultsApplyWhenLeftOut() {
    BackendOptions backend = parse(ONE_BACKEND).backends().get(0);

    assertThat(backend.health()).isEqualTo(HealthOptions.defaults());
    assertThat(backend.circuitBreaker()).isEqualTo(BreakerOptions.defaults());
  }

  @Test
  void badHealthValueIsRejectedWithItsPath() {
    assertRejected("""
      backends:
        - {name: alpha, url: "http://127.0.0.1:9001/mcp", health: {interval: soon}}
      """, "backends[0].health.interval: not a duration");
    assertRejected("""
      backends:
        - {name: alpha, url: "http://127.0.0.1:9001/mcp", circuitBreaker: {failureThreshold: 0}}
      """, "backends[0].circuitBreaker.failureThreshold:");
  }

  @Test
  void operationsSectionsMap() {
    OperationsOptions ops = parse(ONE_BACKEND + """
      metrics: {enabled: false}
      management: {host: 127.0.0.1, port: 9090}
      audit: {enabled: true, target: /var/log/switchboard/audit.log, includeArguments: true}
      reload: {watch: false, interval: 5s}
      tracing: {enabled: false}
      """).operations();

    assertThat(ops.metricsEnabled()).isFalse();
    assertThat(ops.management()).isEqualTo(new OperationsOptions.ManagementOptions("127.0.0.1", 9090));
    assertThat(ops.audit().enabled()).isTrue();
    assertThat(ops.audit().target()).isEqualTo("/var/log/switchboard/audit.log");
    assertThat(ops.audit().includeArguments()).isTrue();
    assertThat(ops.reload()).isEqualTo(new OperationsOptions.ReloadOptions(false, Duration.ofSeconds(5)));
    assertThat(ops.tracingEnabled()).isFalse();
  }

  @Test
  void operationsDefaults() {
    OperationsOptions ops = parse(ONE_BACKEND).operations();

    assertThat(ops.metricsEnabled()).isTrue();
    assertThat(ops.management()).isNull();
    assertThat(ops.audit().enabled()).isFalse();
    assertThat(ops.audit().target()).isEqualTo("stdout");
    assertThat(ops.reload().watch()).isTrue();
    assertThat(ops.tracingEnabled()).isTrue();
    assertThat(ops.vertxMeters()).isEqualTo(VertxMeters.DEFAULTS)
      .containsExactlyInAnyOrder(VertxMeters.HTTP_SERVER, VertxMeters.POOLS);
  }

  @Test
  void vertxMeterGroupsAreChosenByName() {
    assertThat(parse(ONE_BACKEND + "metrics: {vertx: [httpServer, httpClient, pools, eventBus]}").operations()
      .vertxMeters()).containsExactlyInAnyOrder(VertxMeters.values());
    assertThat(parse(ONE_BACKEND + "metrics: {vertx: [eventBus]}").operations().vertxMeters())
      .containsExactly(VertxMeters.EVENT_BUS);
    assertThat(parse(ONE_BACKEND + "metrics: {vertx: []}").operations().vertxMeters()).as("none").isEmpty();
  }

  @Test
  void badVertxMeterGroupsAreRejected() {
    assertRejected(ONE_BACKEND + "metrics: {vertx: [httpserver]}",
      "metrics.vertx[0]: unknown group \"httpserver\" (known: httpServer, httpClient, pools, eventBus)");
    assertRejected(ONE_BACKEND + "metrics: {vertx: [pools, pools]}", "metrics.vertx[1]: \"pools\" is listed twice");
    assertRejected(ONE_BACKEND + "metrics: {vertx: httpServer}", "metrics.vertx: expected a list");
  }

  @Test
  void badOperationsValuesAreRejectedWithTheirPath() {
    assertRejected(ONE_BACKEND + "audit: {enabled: maybe}", "audit.enabled: expected true or false");
    assertRejected(ONE_BACKEND + "management: {host: 127.0.0.1}", "management.port: required");
    assertRejected(ONE_BACKEND + "management: {port: 70000}", "management.port:");
    assertRejected(ONE_BACKEND + "reload: {intervall: 2s}", "reload.intervall: unknown key");
  }
}
