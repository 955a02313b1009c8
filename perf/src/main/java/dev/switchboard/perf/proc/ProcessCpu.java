package dev.switchboard.perf.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time a process has used, from its own accounting in {@code /proc/<pid>/stat} (user + system time of all its
 * threads, in clock ticks). Linux only; {@link #available()} says whether it can be read.
 */
public final class ProcessCpu {
  private static final long TICKS_PER_SECOND = ticksPerSecond();

  private ProcessCpu() {
  }

  public static boolean available() {
    return Files.isReadable(Path.of("/proc/self/stat"));
  }

  /** User + system CPU time of {@code pid} in nanoseconds (resolution: one clock tick, usually 10 ms), or -1. */
  public static long cpuNanos(long pid) {
    CpuTime time = times(pid);
    return time == null ? -1 : time.totalNanos();
  }

  /** User and system CPU time of {@code pid} so far, or null when it cannot be read. */
  public static CpuTime times(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return new CpuTime(ticksToNanos(Long.parseLong(fields[11])), ticksToNanos(Long.parseLong(fields[12])));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** User and system CPU time of several processes together, or null if any cannot be read. */
  public static CpuTime times(List<Long> pids) {
    CpuTime sum = new CpuTime(0, 0);
    for (long pid : pids) {
      CpuTime time = times(pid);
      if (time == null) {
        return null;
      }
      sum = sum.plus(time);
    }
    return sum;
  }

  static long ticksToNanos(long ticks) {
    return ticks * 1_000_000_000L / TICKS_PER_SECOND;
  }

  private static long ticksPerSecond() {
    try {
      return Long.parseLong(Commands.run(List.of("getconf", "CLK_TCK"), 10).strip());
    } catch (RuntimeException e) {
      return 100;
    }
  }
}
