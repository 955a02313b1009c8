package dev.switchboard.perf.bench;

import dev.switchboard.perf.load.Target;
import dev.switchboard.perf.proc.ThreadCpu;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One way to reach the stub in the comparison, and how to read the CPU time of the process in between.
 *
 * @param target where requests go
 * @param cpu    CPU nanoseconds of the proxy process so far, or null when there is none (direct)
 * @param jvmPid the proxy's pid when it is a JVM (its threads are then split by role), else -1
 */
record Contender(Target target, LongSupplier cpu, long jvmPid) {
  String name() {
    return target.name();
  }

  long cpuNow() {
    return cpu == null ? -1 : cpu.getAsLong();
  }

  Map<String, Long> cpuByRoleNow() {
    return jvmPid < 0 ? Map.of() : ThreadCpu.byRole(jvmPid);
  }
}
