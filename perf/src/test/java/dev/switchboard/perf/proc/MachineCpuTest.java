package dev.switchboard.perf.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.perf.proc.MachineCpu.Ticks;
import org.junit.jupiter.api.Test;

class MachineCpuTest {
  @Test
  void idleAndIowaitAreNotBusyAndGuestTimeIsNotCountedTwice() {
    // user nice system idle iowait irq softirq steal guest guest_nice (guest is already inside user)
    Ticks ticks = Ticks.parse("cpu  100 5 20 800 50 3 2 0 40 0");

    assertThat(ticks.total()).isEqualTo(980);
    assertThat(ticks.busy()).isEqualTo(130);
  }

  @Test
  void theBusyShareIsOfTheTicksBetweenTwoReadings() {
    Ticks before = Ticks.parse("cpu  100 0 20 800 0 0 0 0");
    Ticks after = Ticks.parse("cpu  130 0 30 960 0 0 0 0");

    assertThat(after.busyShareSince(before)).isEqualTo(0.2);
    assertThat(after.busyShareSince(before)).isGreaterThan(MachineCpu.QUIET_SHARE);
    assertThat(before.busyShareSince(before)).isZero();
  }

  @Test
  void onlyTheCpuLineIsRead() {
    assertThatThrownBy(() -> Ticks.parse("cpu0 1 2 3 4 5")).isInstanceOf(IllegalArgumentException.class);
  }
}
