package dev.switchboard.perf.proc;

/**
 * CPU time a process (or several) has used, split as the kernel accounts it: in user space and in the kernel on the
 * process's behalf (system calls, and the loopback network stack work they do). A proxy's system time is mostly its
 * sockets', which any proxy pays; its user time is its own code.
 *
 * @param userNanos   user time in nanoseconds
 * @param systemNanos system time in nanoseconds
 */
public record CpuTime(long userNanos, long systemNanos) {
  public long totalNanos() {
    return userNanos + systemNanos;
  }

  /** This time and {@code other} together (e.g. two processes'). */
  public CpuTime plus(CpuTime other) {
    return new CpuTime(userNanos + other.userNanos, systemNanos + other.systemNanos);
  }

  /** The time used between {@code before} and this reading. */
  public CpuTime minus(CpuTime before) {
    return new CpuTime(userNanos - before.userNanos, systemNanos - before.systemNanos);
  }
}
