package dev.switchboard.perf.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The verdict forgives only failures of calls on the killed instance before it stopped accepting connections. */
class ClusterStatsTest {

  private static final String KILLED = "127.0.0.1:8082";

  private final ClusterStats stats = new ClusterStats(KILLED);

  @Test
  void failuresOnTheKilledInstanceBeforeItDiedAreForgiven() {
    started(2);
    ClusterStats.Call onKilled = stats.start();
    ClusterStats.Call noHeader = stats.start();
    stats.succeeded(stats.start(), "127.0.0.1:8081");
    stats.killedNow();
    ClusterStats.Call sentAfterSignal = stats.start();
    stats.failed(onKilled, KILLED, "HTTP 502");
    stats.failed(noHeader, null, "connection reset");
    stats.failed(sentAfterSignal, KILLED, "HTTP 502");
    stats.deadNow();

    assertThat(stats.allowedFailures()).isEqualTo(3);
    assertThat(stats.passed(2)).isTrue();
  }

  @Test
  void failuresElsewhereFailTheRun() {
    started(1);
    stats.killedNow();
    stats.deadNow();
    stats.failed(stats.start(), "127.0.0.1:8081", "HTTP 500");

    assertThat(stats.allowedFailures()).isZero();
    assertThat(stats.passed(1)).isFalse();
  }

  @Test
  void callsStartedAfterTheDeathAreNotForgiven() {
    started(1);
    stats.killedNow();
    stats.deadNow();
    stats.failed(stats.start(), KILLED, "HTTP 502");

    assertThat(stats.passed(1)).isFalse();
  }

  @Test
  void aLostSessionFailsTheRun() {
    started(1);
    stats.succeeded(stats.start(), "127.0.0.1:8081");
    stats.sessionLost(0, "404");

    assertThat(stats.passed(1)).isFalse();
    assertThat(stats.report(1, 1000).get(0)).startsWith("cluster-test: sessions=1 started=1 lost=1").endsWith("FAIL");
  }

  @Test
  void aSessionThatNeverStartedFailsTheRun() {
    started(1);
    stats.sessionFailedToStart("HTTP 503");
    stats.succeeded(stats.start(), "127.0.0.1:8081");

    assertThat(stats.passed(2)).isFalse();
  }

  @Test
  void cleanRunPasses() {
    started(1);
    stats.succeeded(stats.start(), "127.0.0.1:8081");

    assertThat(stats.passed(1)).isTrue();
    assertThat(stats.report(1, 1000).get(0)).contains("calls=1 failures=0").endsWith("PASS");
  }

  private void started(int sessions) {
    for (int i = 0; i < sessions; i++) {
      stats.sessionStarted();
    }
  }
}
