package dev.switchboard.perf.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CPU time read from /proc, split into user and system time. */
class ProcessCpuTest {
  private static final long MISSING_PID = Long.MAX_VALUE;

  @Test
  void ownProcessHasUserAndSystemTimeThatAddUp() {
    assumeTrue(ProcessCpu.available());
    long pid = ProcessHandle.current().pid();

    CpuTime time = ProcessCpu.times(pid);

    assertThat(time).isNotNull();
    assertThat(time.userNanos()).isPositive();
    assertThat(time.systemNanos()).isNotNegative();
    assertThat(time.totalNanos()).isEqualTo(time.userNanos() + time.systemNanos());
    assertThat(ProcessCpu.cpuNanos(pid)).isGreaterThanOrEqualTo(time.totalNanos());
  }

  @Test
  void aProcessThatIsGoneHasNoTime() {
    assertThat(ProcessCpu.times(MISSING_PID)).isNull();
    assertThat(ProcessCpu.cpuNanos(MISSING_PID)).isEqualTo(-1);
    assertThat(ProcessCpu.times(List.of(ProcessHandle.current().pid(), MISSING_PID))).isNull();
  }

  @Test
  void severalProcessesAddUp() {
    assumeTrue(ProcessCpu.available());
    long pid = ProcessHandle.current().pid();

    CpuTime twice = ProcessCpu.times(List.of(pid, pid));
    CpuTime after = ProcessCpu.times(pid);

    assertThat(twice.userNanos()).isLessThanOrEqualTo(2 * after.userNanos());
    assertThat(twice.systemNanos()).isLessThanOrEqualTo(2 * after.systemNanos());
    assertThat(twice.userNanos()).isGreaterThanOrEqualTo(after.userNanos());
  }

  @Test
  void minusIsTheTimeUsedInBetween() {
    CpuTime used = new CpuTime(50, 7).minus(new CpuTime(20, 2));

    assertThat(used).isEqualTo(new CpuTime(30, 5));
    assertThat(used.totalNanos()).isEqualTo(35);
  }
}
