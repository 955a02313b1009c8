package dev.switchboard.perf.bench;

import dev.switchboard.perf.load.Target;
import java.util.function.LongSupplier;

/**
 * One way to reach the stub in the comparison, and how to read the CPU time of the process in between.
 *
 * @param target where requests go
 * @param cpu    CPU nanoseconds of the proxy process so far, or null when there is none (direct)
 */
record Contender(Target target, LongSupplier cpu) {
  String name() {
    return target.name();
  }

  long cpuNow() {
    return cpu == null ? -1 : cpu.getAsLong();
  }
}
