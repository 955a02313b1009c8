package dev.switchboard.perf.bench;

import dev.switchboard.perf.load.LoadResult;
import dev.switchboard.perf.load.Target;
import dev.switchboard.perf.proc.CpuTime;
import dev.switchboard.perf.proc.ThreadCpu;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One way to reach the stub in the comparison, and how to read the CPU time of the process in between.
 *
 * @param target where requests go
 * @param cpu    CPU time of the proxy process so far (null when it cannot be read), or null when there is no proxy
 *               (direct)
 * @param jvmPid the proxy's pid when it is a JVM (its threads are then split by role), else -1
 */
record Contender(Target target, Supplier<CpuTime> cpu, long jvmPid) {
  String name() {
    return target.name();
  }

  /** Runs one window of load against this contender and measures the proxy's CPU time over it. */
  Measured measure(int round, int concurrency, Supplier<LoadResult> load) {
    CpuTime before = cpuNow();
    Map<String, Long> rolesBefore = cpuByRoleNow();
    LoadResult result = load.get();
    CpuTime after = cpuNow();
    CpuTime used = before == null || after == null ? null : after.minus(before);
    return new Measured(round, concurrency, name(), result, used, ThreadCpu.delta(rolesBefore, cpuByRoleNow()));
  }

  private CpuTime cpuNow() {
    return cpu == null ? null : cpu.get();
  }

  private Map<String, Long> cpuByRoleNow() {
    return jvmPid < 0 ? Map.of() : ThreadCpu.byRole(jvmPid);
  }
}
