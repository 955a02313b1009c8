package dev.switchboard.launcher.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.switchboard.launcher.config.ConfigAssertions.ONE_BACKEND;
import static dev.switchboard.launcher.config.ConfigAssertions.assertRejected;
import static dev.switchboard.launcher.config.ConfigAssertions.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionsValidationTest {
  private static void assertSessionsRejected(String sessions, String messagePrefix) {
    assertRejected(ONE_BACKEND + "sessions: " + sessions, messagePrefix);
  }

  @Test
  void unknownStoreIsRejected() {
    assertSessionsRejected("{store: postgres}", "sessions.store: must be one of memory, redis");
  }

  @Test
  void storeIsCaseInsensitive() {
    assertThat(parse(ONE_BACKEND + "sessions: {store: Redis}").sessions().type()).isEqualTo("redis");
  }

  @Test
  void malformedTtlIsRejected() {
    assertSessionsRejected("{ttl: 5 parsecs}", "sessions.ttl: not a duration: \"5 parsecs\"");
  }

  @Test
  void bareNumberTtlIsSeconds() {
    assertThat(parse(ONE_BACKEND + "sessions: {ttl: 90}").sessions().ttl()).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void negativeTtlIsRejected() {
    assertSessionsRejected("{ttl: -5m}", "sessions.ttl: must be greater than 0");
  }

  @Test
  void zeroSweepIntervalIsRejected() {
    assertSessionsRejected("{sweepInterval: PT0S}", "sessions.sweepInterval: must be greater than 0");
  }

  @Test
  void redisUrlWithWrongSchemeIsRejectedWithoutEchoingIt() {
    assertThatThrownBy(() -> parse(ONE_BACKEND + "sessions: {store: redis, redis: {url: \"http://:hunter2@h:6379\"}}"))
      .isInstanceOf(ConfigException.class)
      .message().startsWith("sessions.redis.url: not a Redis URL").doesNotContain("hunter2");
  }

  @Test
  void unknownRedisKeyIsRejected() {
    assertSessionsRejected("{store: redis, redis: {host: 10.0.0.5}}",
      "sessions.redis.host: unknown key (known: url, keyPrefix)");
  }
}
