package dev.switchboard.it.ops;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs {@code promtool check metrics} (Debian package {@code prometheus}) on a scrape. */
final class Promtool {
  private Promtool() {
  }

  /** The linter's output; the test is skipped when promtool is not installed. */
  static Result check(String scrape) throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/promtool")), "promtool not installed (apt-get install prometheus)");
    Path input = Files.createTempFile("scrape", ".txt");
    try {
      Files.writeString(input, scrape);
      Process process = new ProcessBuilder("/usr/bin/promtool", "check", "metrics")
        .redirectInput(input.toFile()).redirectErrorStream(true).start();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("promtool did not finish in 30 s");
      }
      return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(),
        StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(input);
    }
  }

  record Result(int exitCode, String output) {
  }
}
