package dev.switchboard.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.backend.BackendException;
import dev.switchboard.core.json.ExactNumber;
import org.junit.jupiter.api.Test;

class CallPermitsTest {

  @Test
  void sessionGetsItsShareOfThePool() {
    CallPermits permits = new CallPermits(64, 50);
    for (int i = 0; i < 8; i++) {
      permits.acquire("a", null, "alpha", 16);
    }

    assertThatThrownBy(() -> permits.acquire("a", null, "alpha", 16)).isInstanceOfSatisfying(BackendException.class,
      e -> assertThat(e.kind()).isEqualTo(BackendException.Kind.BUSY));
  }

  @Test
  void otherSessionsKeepTheirShare() {
    CallPermits permits = new CallPermits(64, 50);
    for (int i = 0; i < 8; i++) {
      permits.acquire("a", null, "alpha", 16);
    }

    permits.acquire("b", null, "alpha", 16);

    assertThat(permits.running("b")).isEqualTo(1);
  }

  @Test
  void shareOfOtherBackendsIsSeparate() {
    CallPermits permits = new CallPermits(64, 50);
    for (int i = 0; i < 8; i++) {
      permits.acquire("a", null, "alpha", 16);
    }

    permits.acquire("a", null, "beta", 16);

    assertThat(permits.running("a")).isEqualTo(9);
  }

  @Test
  void sessionTotalIsBounded() {
    CallPermits permits = new CallPermits(3, 100);
    permits.acquire("a", null, "alpha", 16);
    permits.acquire("a", null, "beta", 16);
    permits.acquire("a", null, "gamma", 16);

    assertThatThrownBy(() -> permits.acquire("a", null, "delta", 16)).isInstanceOf(BackendException.class)
      .hasMessageContaining("maxConcurrentRequestsPerSession");
    assertThat(permits.running("a")).isEqualTo(3);
  }

  @Test
  void releasedPermitFreesItsPlaceOnce() {
    CallPermits permits = new CallPermits(64, 50);
    CallPermits.Permit permit = permits.acquire("a", null, "alpha", 2);
    assertThatThrownBy(() -> permits.acquire("a", null, "alpha", 2)).isInstanceOf(BackendException.class);

    permit.release();
    permit.release();

    permits.acquire("a", null, "alpha", 2);
    assertThat(permits.running("a")).isEqualTo(1);
  }

  @Test
  void sessionWithNothingRunningHoldsNoEntry() {
    CallPermits permits = new CallPermits(64, 50);
    CallPermits.Permit alpha = permits.acquire("a", null, "alpha", 16);
    CallPermits.Permit beta = permits.acquire("a", null, "beta", 16);
    permits.acquire("b", null, "alpha", 16).release();
    assertThat(permits.sessionsRunning()).isEqualTo(1);

    alpha.release();
    assertThat(permits.sessionsRunning()).isEqualTo(1);
    beta.release();

    assertThat(permits.sessionsRunning()).isZero();
    assertThat(permits.running("a")).isZero();
  }

  @Test
  void refusedPermitLeavesNoEntry() {
    CallPermits permits = new CallPermits(0, 50);

    assertThatThrownBy(() -> permits.acquire("a", null, "alpha", 16)).isInstanceOf(BackendException.class);

    assertThat(permits.sessionsRunning()).isZero();
  }

  @Test
  void concurrentPermitsOfOneSessionAreAllCounted() throws Exception {
    CallPermits permits = new CallPermits(1_000, 100);
    int perThread = 20_000;
    CallPermits.Permit held = permits.acquire("a", "held", "alpha", 1_000);
    Thread other = new Thread(() -> churn(permits, "x", perThread));
    other.start();
    churn(permits, "y", perThread);
    other.join();

    assertThat(permits.running("a")).isEqualTo(1);
    assertThat(permits.backendOf("a", "held")).isEqualTo("alpha");
    held.release();
    assertThat(permits.sessionsRunning()).isZero();
  }

  private static void churn(CallPermits permits, String idPrefix, int times) {
    for (int i = 0; i < times; i++) {
      permits.acquire("a", idPrefix + i, i % 2 == 0 ? "alpha" : "beta", 1_000).release();
    }
  }

  @Test
  void knowsWhichBackendRunsEachRequestId() {
    CallPermits permits = new CallPermits(64, 50);
    CallPermits.Permit one = permits.acquire("a", 1, "alpha", 16);
    permits.acquire("a", "1", "beta", 16);

    assertThat(permits.backendOf("a", 1)).isEqualTo("alpha");
    assertThat(permits.backendOf("a", 1L)).isEqualTo("alpha");
    assertThat(permits.backendOf("a", "1")).isEqualTo("beta");
    assertThat(permits.backendOf("b", 1)).isNull();
    one.release();
    assertThat(permits.backendOf("a", 1)).isNull();
  }

  @Test
  void requestIdRunsOnceInASession() {
    CallPermits permits = new CallPermits(64, 50);
    permits.acquire("a", 7, "alpha", 16);

    assertThatThrownBy(() -> permits.acquire("a", 7, "beta", 16)).isInstanceOf(IllegalStateException.class);
    assertThat(permits.running("a")).isEqualTo(1);
    assertThat(permits.backendOf("a", 7)).isEqualTo("alpha");
    permits.acquire("b", 7, "beta", 16);
  }

  @Test
  void oneIdInAnotherNotationIsTheSameRequest() {
    CallPermits permits = new CallPermits(64, 50);
    permits.acquire("a", 100, "alpha", 16);

    assertThatThrownBy(() -> permits.acquire("a", new ExactNumber("1E+2"), "beta", 16))
      .isInstanceOf(IllegalStateException.class);
    assertThat(permits.backendOf("a", new ExactNumber("1e2"))).isEqualTo("alpha");
    assertThat(permits.backendOf("a", "100")).isNull();
  }

  @Test
  void tinyPoolStillAllowsOneCall() {
    assertThat(new CallPermits(64, 10).share(1)).isEqualTo(1);
  }
}
