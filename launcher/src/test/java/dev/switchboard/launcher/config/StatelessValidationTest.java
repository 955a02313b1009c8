package dev.switchboard.launcher.config;

import dev.switchboard.transport.stateless.StatelessOptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.switchboard.launcher.config.ConfigAssertions.ONE_BACKEND;
import static dev.switchboard.launcher.config.ConfigAssertions.assertRejected;
import static dev.switchboard.launcher.config.ConfigAssertions.parse;
import static org.assertj.core.api.Assertions.assertThat;

class StatelessValidationTest {
  @Test
  void absentSectionMeansEveryDefault() {
    StatelessOptions options = parse(ONE_BACKEND).server().stateless();
    assertThat(options).isEqualTo(StatelessOptions.defaults());
    assertThat(options.maxHeldSessions()).isEqualTo(1_000);
    assertThat(options.maxHeldSessionsPerIdentity()).isEqualTo(8);
    assertThat(options.heldSessionIdleTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(options.listTtl()).isEqualTo(Duration.ZERO);
    assertThat(options.requestStateKey()).isNull();
    assertThat(options.requestStateTtl()).isEqualTo(Duration.ofMinutes(10));
    assertThat(options.inputWindow()).isEqualTo(Duration.ofMillis(20));
    assertThat(options.maxParkedCalls()).isEqualTo(10_000);
    assertThat(options.maxListenStreams()).isEqualTo(10_000);
  }

  @Test
  void everyKeyIsRead() {
    StatelessOptions options = parse(ONE_BACKEND + """
      stateless: {maxHeldSessions: 7, maxHeldSessionsPerIdentity: 2, heldSessionIdleTimeout: 30s, listTtl: 1m,
                  requestStateKey: "0123456789abcdef0123456789abcdef", requestStateTtl: 2m, inputWindow: 5ms,
                  maxParkedCalls: 9, maxListenStreams: 11}
      """).server().stateless();
    assertThat(options).isEqualTo(new StatelessOptions(7, 2, Duration.ofSeconds(30), Duration.ofMinutes(1),
      "0123456789abcdef0123456789abcdef", Duration.ofMinutes(2), Duration.ofMillis(5), 9, 11));
  }

  @Test
  void aShortKeyIsRefusedWithoutShowingIt() {
    assertRejected(ONE_BACKEND + "stateless: {requestStateKey: \"tooshort-secret\"}",
      "stateless.requestStateKey: needs at least 32 characters (it has 15)");
  }

  @Test
  void unknownKeysAreRefused() {
    assertRejected(ONE_BACKEND + "stateless: {maxHeld: 3}", "stateless");
  }

  @Test
  void theKeyIsNotPrinted() {
    StatelessOptions options = new StatelessOptions(0, 0, null, null, "0123456789abcdef0123456789abcdef", null,
      null, 0, 0);
    assertThat(options.toString()).doesNotContain("0123456789abcdef");
  }
}
