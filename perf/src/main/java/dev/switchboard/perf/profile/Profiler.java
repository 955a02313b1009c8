package dev.switchboard.perf.profile;

import dev.switchboard.perf.proc.JvmProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/** Records JFR on a JVM around a piece of work and writes the recording and its top-frames summary. */
public final class Profiler {
  private Profiler() {
  }

  /**
   * Starts a recording on {@code jvm}, runs {@code work}, stops the recording into {@code dir/name.jfr} and writes
   * {@code dir/name-top-frames.txt}.
   */
  public static <T> Profiled<T> record(JvmProbe jvm, String name, Path dir, Supplier<T> work) {
    Path jfr = dir.resolve(name + ".jfr").toAbsolutePath();
    try {
      Files.createDirectories(dir);
      jvm.jfrStart(name);
      T result;
      try {
        result = work.get();
      } finally {
        jvm.jfrStop(name, jfr);
      }
      TopFrames top = TopFrames.of(jfr);
      Path text = dir.resolve(name + "-top-frames.txt");
      Files.writeString(text, top.toText());
      return new Profiled<>(result, top, jfr, text);
    } catch (IOException e) {
      throw new IllegalStateException("profile " + name + ": " + e.getMessage(), e);
    }
  }

  /** The work's result, the ranking, and where the files are. */
  public record Profiled<T>(T result, TopFrames top, Path jfr, Path summary) {
  }
}
