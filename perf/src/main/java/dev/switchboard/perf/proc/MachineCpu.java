package dev.switchboard.perf.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The whole machine's CPU use, from the first line of {@code /proc/stat}. The cold start waits here until the machine
 * is quiet before it starts a gateway JVM: on two cores, a start timed while the previous load's processes still
 * compile, collect or close their sockets measures them as much as the start (docs/performance.md, round 9).
 */
public final class MachineCpu {
  /** The share of all cores' time busy below which a sample counts as quiet. */
  static final double QUIET_SHARE = 0.10;
  private static final Path STAT = Path.of("/proc/stat");
  private static final long SAMPLE_MILLIS = 100;

  /** Cumulative clock ticks of all cores: busy ones and all of them. */
  record Ticks(long busy, long total) {
    /** Parses the {@code cpu} line: user nice system idle iowait irq softirq steal ...; idle and iowait are not busy. */
    static Ticks parse(String cpuLine) {
      String[] fields = cpuLine.strip().split("\\s+");
      if (!"cpu".equals(fields[0]) || fields.length < 5) {
        throw new IllegalArgumentException("not the cpu line of /proc/stat: " + cpuLine);
      }
      long total = 0;
      long idle = 0;
      for (int i = 1; i < Math.min(fields.length, 9); i++) {
        long ticks = Long.parseLong(fields[i]);
        total += ticks;
        if (i == 4 || i == 5) {
          idle += ticks;
        }
      }
      return new Ticks(total - idle, total);
    }

    /** The busy share of the time between {@code earlier} and this; 0 when no tick passed. */
    double busyShareSince(Ticks earlier) {
      long total = this.total - earlier.total;
      return total <= 0 ? 0 : (double) (busy - earlier.busy) / total;
    }
  }

  private MachineCpu() {
  }

  /**
   * Samples every 100 ms until {@code quietFor} in a row were quiet, or {@code max} has passed.
   *
   * @return how long it waited; {@code max} or more when the machine never went quiet; zero without {@code /proc/stat}
   */
  public static Duration awaitQuiet(Duration quietFor, Duration max) {
    if (!Files.isReadable(STAT)) {
      return Duration.ZERO;
    }
    long started = System.nanoTime();
    long deadline = started + max.toNanos();
    long samplesNeeded = Math.max(1, quietFor.toMillis() / SAMPLE_MILLIS);
    long quietSamples = 0;
    Ticks before = read();
    while (quietSamples < samplesNeeded && System.nanoTime() < deadline) {
      pause();
      Ticks now = read();
      quietSamples = now.busyShareSince(before) < QUIET_SHARE ? quietSamples + 1 : 0;
      before = now;
    }
    return Duration.ofNanos(System.nanoTime() - started);
  }

  private static Ticks read() {
    try (var lines = Files.lines(STAT)) {
      return Ticks.parse(lines.findFirst().orElseThrow());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + STAT, e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(SAMPLE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
