package dev.switchboard.launcher.config;

import dev.switchboard.transport.limits.LimitsOptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.switchboard.launcher.config.ConfigAssertions.ONE_BACKEND;
import static dev.switchboard.launcher.config.ConfigAssertions.assertRejected;
import static dev.switchboard.launcher.config.ConfigAssertions.parse;
import static org.assertj.core.api.Assertions.assertThat;

class LimitsValidationTest {
  private static void assertLimitsRejected(String limits, String messagePrefix) {
    assertRejected(ONE_BACKEND + "limits: " + limits, messagePrefix);
  }

  @Test
  void absentSectionMeansEveryDefault() {
    assertThat(parse(ONE_BACKEND).limits()).isEqualTo(LimitsOptions.defaults());
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    LimitsOptions limits = LimitsOptions.defaults();
    assertThat(limits.maxSessions()).isEqualTo(100_000);
    assertThat(limits.maxPendingSessions()).isEqualTo(10_000);
    assertThat(limits.pendingSessionTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(limits.maxSessionsPerIdentity()).isEqualTo(1_000);
    assertThat(limits.maxClientCapabilitiesBytes()).isEqualTo(64 * 1024);
    assertThat(limits.maxClientInfoBytes()).isEqualTo(4 * 1024);
    assertThat(limits.maxClientDataBytes()).isEqualTo(64L * 1024 * 1024);
    assertThat(limits.maxConnections()).isEqualTo(20_000);
    assertThat(limits.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(limits.requestHeaderTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(limits.requestBodyTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(limits.maxBatchSize()).isEqualTo(100);
    assertThat(limits.maxConcurrentRequestsPerSession()).isEqualTo(64);
    assertThat(limits.backendSharePerSession()).isEqualTo(50);
    assertThat(limits.maxStreamsPerSession()).isEqualTo(4);
    assertThat(limits.maxBufferedBytesPerStream()).isEqualTo(4L * 1024 * 1024);
  }

  @Test
  void everyKeyIsRead() {
    LimitsOptions limits = parse(ONE_BACKEND + """
      limits: {maxSessions: 10, maxPendingSessions: 5, pendingSessionTimeout: 20s, maxSessionsPerIdentity: 3,
               maxClientCapabilitiesSize: 1KiB, maxClientInfoSize: 512, maxClientDataSize: 2MiB, maxConnections: 20,
               idleTimeout: 5s, requestHeaderTimeout: 2s, requestBodyTimeout: 3s, maxBatchSize: 7,
               maxConcurrentRequestsPerSession: 8, backendSharePerSession: 25, maxStreamsPerSession: 2,
               maxBufferedBytesPerStream: 1MiB}
      """).limits();
    assertThat(limits).isEqualTo(new LimitsOptions(10, 5, Duration.ofSeconds(20), 3, 1024, 512, 2 * 1024 * 1024, 20,
      Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(3), 7, 8, 25, 2, 1024 * 1024));
  }

  @Test
  void limitsReachTheServerOptions() {
    assertThat(parse(ONE_BACKEND + "limits: {maxConnections: 20}").server().limits().maxConnections()).isEqualTo(20);
  }

  @Test
  void unknownKeyIsRejected() {
    assertLimitsRejected("{maxSession: 5}", "limits.maxSession: unknown key (known: maxSessions,");
  }

  @Test
  void zeroSessionCapIsRejected() {
    assertLimitsRejected("{maxSessions: 0}", "limits.maxSessions: must be greater than 0");
  }

  @Test
  void malformedTimeoutIsRejected() {
    assertLimitsRejected("{requestHeaderTimeout: soon}", "limits.requestHeaderTimeout: not a duration: \"soon\"");
  }

  @Test
  void malformedSizeIsRejected() {
    assertLimitsRejected("{maxBufferedBytesPerStream: lots}", "limits.maxBufferedBytesPerStream: not a size");
  }

  @Test
  void shareAbove100PercentIsRejected() {
    assertLimitsRejected("{backendSharePerSession: 150}", "limits.backendSharePerSession: must be between 1 and 100");
  }
}
