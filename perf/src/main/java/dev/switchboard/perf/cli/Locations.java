package dev.switchboard.perf.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository is, judged from where this code was loaded ({@code perf/target/...}), else the cwd. */
final class Locations {
  private Locations() {
  }

  static Path repoRoot() {
    try {
      Path code = Path.of(Locations.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path p = code; p != null; p = p.getParent()) {
        if (Files.isDirectory(p.resolve("perf")) && Files.isDirectory(p.resolve("launcher"))) {
          return p;
        }
      }
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      // fall through to the working directory
    }
    return Path.of("").toAbsolutePath();
  }

  /** {@code <repo>/perf/target/report}. */
  static Path defaultReportDir() {
    return repoRoot().resolve("perf/target/report");
  }
}
