package dev.switchboard.perf.proc;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Locale;

/**
 * CPU time of a process's threads grouped by role, from {@code /proc/<pid>/task/<tid>/stat}: the thread name (as the
 * kernel keeps it, 15 characters) with digits dropped, mapped to a role: event loops, JIT compiler, GC, other. It
 * tells how much of a gateway's CPU per request is the request path and how much is warm-up (JIT) or GC.
 */
public final class ThreadCpu {
  private ThreadCpu() {
  }

  /** Nanoseconds by role so far; empty when {@code /proc} cannot be read. Threads that ended are not counted. */
  public static Map<String, Long> byRole(long pid) {
    Map<String, Long> out = new HashMap<>();
    Path tasks = Path.of("/proc", Long.toString(pid), "task");
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(tasks)) {
      for (Path task : dir) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
          out.merge(role(name), ProcessCpu.ticksToNanos(ticks), Long::sum);
        } catch (IOException | RuntimeException e) {
          // the thread ended while we looked
        }
      }
    } catch (IOException e) {
      return Map.of();
    }
    return out;
  }

  /** The difference {@code after - before} per role. */
  public static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> out = new HashMap<>();
    after.forEach((role, nanos) -> out.put(role, nanos - before.getOrDefault(role, 0L)));
    return out;
  }

  static String role(String threadName) {
    String n = threadName.toLowerCase(Locale.ROOT);
    if (n.startsWith("vert.x-eventloo") || n.contains("eventloop")) {
      return "event-loop";
    }
    if (n.contains("compiler")) {
      return "jit";
    }
    if (n.startsWith("gc ") || n.startsWith("g1 ") || n.contains("gc thread") || n.startsWith("vm thread")) {
      return "gc";
    }
    return "other";
  }
}
