package dev.switchboard.perf.proc;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** External commands: runs a short one and returns its output (bounded by a timeout), stops a process, finds one. */
public final class Commands {
  private Commands() {
  }

  /**
   * Runs {@code command}, waits at most {@code timeoutSeconds}, and returns stdout and stderr together.
   *
   * @throws IllegalStateException when it cannot start, times out or exits non-zero
   */
  public static String run(List<String> command, int timeoutSeconds) {
    Path out = null;
    try {
      out = Files.createTempFile("perf-cmd", ".out");
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + ": no answer within " + timeoutSeconds + " s");
      }
      String text = Files.readString(out, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue() + ": "
          + text.strip());
      }
      return text;
    } catch (IOException e) {
      throw new IllegalStateException(String.join(" ", command) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      if (out != null) {
        try {
          Files.deleteIfExists(out);
        } catch (IOException ignored) {
          // a temp file left behind is harmless
        }
      }
    }
  }

  /** A JDK tool next to the running JVM ({@code jcmd}, {@code jfr}), or the bare name to find it on the PATH. */
  public static String jdkTool(String name) {
    Path tool = Path.of(System.getProperty("java.home"), "bin", name);
    return Files.isExecutable(tool) ? tool.toString() : name;
  }

  /** The java binary of the running JVM. */
  public static String java() {
    return ProcessHandle.current().info().command().orElse(jdkTool("java"));
  }

  /** Stops a process: SIGTERM, then SIGKILL after {@code grace}, waiting up to 5 s more for it to go. */
  public static void stop(Process process, Duration grace) {
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** True when an executable named {@code name} is on the PATH. */
  public static boolean onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
        return true;
      }
    }
    return false;
  }
}
