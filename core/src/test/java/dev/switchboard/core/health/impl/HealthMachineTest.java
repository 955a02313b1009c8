package dev.switchboard.core.health.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.health.BreakerOptions;
import dev.switchboard.core.health.CircuitState;
import dev.switchboard.core.health.HealthOptions;
import dev.switchboard.core.health.impl.HealthMachine.Change;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The one health state of a backend: probe and live-call outcomes, thresholds, open time, half-open. */
class HealthMachineTest {
  private final AtomicLong now = new AtomicLong();
  private final HealthMachine machine = new HealthMachine(
    new HealthOptions(Duration.ofSeconds(1), Duration.ofSeconds(1), 2, 2, Duration.ofSeconds(1)),
    new BreakerOptions(3, Duration.ofSeconds(30)), now::get);

  @Test
  void liveFailuresOpenTheCircuitAtTheThreshold() {
    assertThat(machine.callFailed()).isEqualTo(Change.NONE);
    assertThat(machine.callFailed()).isEqualTo(Change.NONE);
    assertThat(machine.up()).isTrue();
    assertThat(machine.callFailed()).isEqualTo(Change.WENT_DOWN);
    assertThat(machine.state()).isEqualTo(CircuitState.OPEN);
  }

  @Test
  void aSuccessResetsTheFailureCount() {
    machine.callFailed();
    machine.callFailed();
    machine.callSucceeded();
    machine.callFailed();
    machine.callFailed();
    assertThat(machine.up()).isTrue();
  }

  @Test
  void probeFailuresOpenTheCircuitAtTheUnhealthyThreshold() {
    assertThat(machine.probeFailed()).isEqualTo(Change.NONE);
    assertThat(machine.probeFailed()).isEqualTo(Change.WENT_DOWN);
    assertThat(machine.up()).isFalse();
  }

  @Test
  void probeAndLiveFailuresFeedOneState() {
    machine.probeFailed();
    machine.callFailed();
    machine.callFailed();
    assertThat(machine.callFailed()).isEqualTo(Change.WENT_DOWN);
  }

  @Test
  void anOpenCircuitIsNotProbedUntilOpenForHasPassed() {
    openIt();
    now.addAndGet(Duration.ofSeconds(29).toNanos());
    assertThat(machine.probeDue()).isFalse();
    assertThat(machine.state()).isEqualTo(CircuitState.OPEN);
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(machine.probeDue()).isTrue();
    assertThat(machine.state()).isEqualTo(CircuitState.HALF_OPEN);
  }

  @Test
  void halfOpenClosesAfterHealthyThresholdSuccessfulProbes() {
    openIt();
    now.addAndGet(Duration.ofSeconds(30).toNanos());
    machine.probeDue();
    assertThat(machine.probeSucceeded()).isEqualTo(Change.NONE);
    assertThat(machine.up()).isFalse();
    assertThat(machine.probeSucceeded()).isEqualTo(Change.CAME_UP);
    assertThat(machine.state()).isEqualTo(CircuitState.CLOSED);
  }

  @Test
  void aFailedProbeWhileHalfOpenStartsTheCountAgain() {
    machine.failedAtStartUp();
    machine.probeSucceeded();
    machine.probeFailed();
    assertThat(machine.probeSucceeded()).isEqualTo(Change.NONE);
    assertThat(machine.probeSucceeded()).isEqualTo(Change.CAME_UP);
  }

  @Test
  void liveCallsDoNotCountWhileDown() {
    openIt();
    assertThat(machine.callFailed()).isEqualTo(Change.NONE);
    machine.callSucceeded();
    assertThat(machine.state()).isEqualTo(CircuitState.OPEN);
  }

  @Test
  void aBackendDownAtStartUpIsProbedAtOnce() {
    assertThat(machine.failedAtStartUp()).isEqualTo(Change.WENT_DOWN);
    assertThat(machine.probeDue()).isTrue();
    assertThat(machine.state()).isEqualTo(CircuitState.HALF_OPEN);
  }

  private void openIt() {
    machine.callFailed();
    machine.callFailed();
    machine.callFailed();
  }
}
