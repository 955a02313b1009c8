package dev.switchboard.perf.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.perf.proc.JvmProbe;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording made the way the {@code profile} command makes it (with {@code jcmd}, here on the test's own JVM) keeps
 * stacks deeper than JFR's default of 64 frames whole, and says how many samples had theirs cut.
 */
class TopFramesTest {
  private static final long BUSY_NANOS = 600_000_000L;

  @TempDir
  Path dir;

  @Test
  void stacksDeeperThanJfrsDefaultAreKeptWholeAndCutOnesAreCounted() {
    JvmProbe probe = new JvmProbe(ProcessHandle.current().pid());

    TopFrames deep = TopFrames.of(record(probe, "deep", 300));
    assertThat(deep.samples()).isPositive();
    // 300 calls deep and JUnit's frames below them: far past 64, within the profile's depth
    assertThat(deep.truncated()).isZero();
    assertThat(deep.toText()).doesNotContain("cut at the recording's depth");

    TopFrames deeper = TopFrames.of(record(probe, "deeper", 800));
    assertThat(deeper.truncated()).isPositive();
    assertThat(deeper.toText()).contains("with their stack cut at the recording's depth");
    assertThat(deeper.toJson().getLong("truncatedStacks")).isEqualTo(deeper.truncated());
  }

  private Path record(JvmProbe probe, String name, int depth) {
    Path file = dir.resolve(name + ".jfr");
    probe.jfrStart(name);
    try {
      busyAt(depth, System.nanoTime() + BUSY_NANOS);
    } finally {
      probe.jfrStop(name, file);
    }
    return file;
  }

  /** Spins on the CPU {@code depth} calls below itself until {@code deadline}. */
  private static long busyAt(int depth, long deadline) {
    return below(depth, deadline);
  }

  private static long below(int depth, long deadline) {
    if (depth > 0) {
      return below(depth - 1, deadline) + 1;
    }
    long spins = 0;
    while (System.nanoTime() < deadline) {
      spins++;
    }
    return spins;
  }
}
