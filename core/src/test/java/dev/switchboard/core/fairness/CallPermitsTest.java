package dev.switchboard.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.backend.BackendException;
import org.junit.jupiter.api.Test;

class CallPermitsTest {

  @Test
  void sessionGetsItsShareOfThePool() {
    CallPermits permits = new CallPermits(64, 50);
    for (int i = 0; i < 8; i++) {
      permits.acquire("a", "alpha", 16);
    }

    assertThatThrownBy(() -> permits.acquire("a", "alpha", 16)).isInstanceOfSatisfying(BackendException.class,
      e -> assertThat(e.kind()).isEqualTo(BackendException.Kind.BUSY));
  }

  @Test
  void otherSessionsKeepTheirShare() {
    CallPermits permits = new CallPermits(64, 50);
    for (int i = 0; i < 8; i++) {
      permits.acquire("a", "alpha", 16);
    }

    permits.acquire("b", "alpha", 16);

    assertThat(permits.running("b")).isEqualTo(1);
  }

  @Test
  void shareOfOtherBackendsIsSeparate() {
    CallPermits permits = new CallPermits(64, 50);
    for (int i = 0; i < 8; i++) {
      permits.acquire("a", "alpha", 16);
    }

    permits.acquire("a", "beta", 16);

    assertThat(permits.running("a")).isEqualTo(9);
  }

  @Test
  void sessionTotalIsBounded() {
    CallPermits permits = new CallPermits(3, 100);
    permits.acquire("a", "alpha", 16);
    permits.acquire("a", "beta", 16);
    permits.acquire("a", "gamma", 16);

    assertThatThrownBy(() -> permits.acquire("a", "delta", 16)).isInstanceOf(BackendException.class)
      .hasMessageContaining("maxConcurrentRequestsPerSession");
    assertThat(permits.running("a")).isEqualTo(3);
  }

  @Test
  void releasedPermitFreesItsPlaceOnce() {
    CallPermits permits = new CallPermits(64, 50);
    CallPermits.Permit permit = permits.acquire("a", "alpha", 2);
    assertThatThrownBy(() -> permits.acquire("a", "alpha", 2)).isInstanceOf(BackendException.class);

    permit.release();
    permit.release();

    permits.acquire("a", "alpha", 2);
    assertThat(permits.running("a")).isEqualTo(1);
  }

  @Test
  void tinyPoolStillAllowsOneCall() {
    assertThat(new CallPermits(64, 10).share(1)).isEqualTo(1);
  }
}
