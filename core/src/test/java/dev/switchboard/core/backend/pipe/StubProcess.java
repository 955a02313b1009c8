package dev.switchboard.core.backend.pipe;

import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.backend.stdio.SessionMode;
import dev.switchboard.core.backend.stdio.StdioOptions;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The options of a stdio backend running {@code stub-server.cjs} from the test resources with node. */
final class StubProcess {
  private StubProcess() {
  }

  static Path script() {
    try {
      return Path.of(StubProcess.class.getResource("/stdio/stub-server.cjs").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static BackendOptions options(SessionMode mode, int maxProcesses, int maxLineBytes) {
    return options(mode, maxProcesses, maxLineBytes, StdioOptions.DEFAULT_IDLE_TIMEOUT);
  }

  static BackendOptions options(SessionMode mode, int maxProcesses, int maxLineBytes, Duration idleTimeout) {
    StdioOptions stdio = new StdioOptions(List.of("node", script().toString()), Map.of(), null, mode, maxProcesses,
      maxLineBytes, StdioOptions.DEFAULT_MAX_QUEUED_MESSAGES, Duration.ofSeconds(2), idleTimeout);
    return BackendOptions.stdio("stub", Duration.ofSeconds(5), stdio);
  }

  /** A shared stub that ignores SIGTERM (and stays up without input), stopped with the given grace period. */
  static BackendOptions stubborn(Duration grace) {
    StdioOptions stdio = new StdioOptions(List.of("node", script().toString(), "--ignore-sigterm"), Map.of(), null,
      SessionMode.SHARED, 1, StdioOptions.DEFAULT_MAX_LINE_BYTES, StdioOptions.DEFAULT_MAX_QUEUED_MESSAGES, grace,
      StdioOptions.DEFAULT_IDLE_TIMEOUT);
    return BackendOptions.stdio("stub", Duration.ofSeconds(5), stdio);
  }

  static BackendOptions shared() {
    return options(SessionMode.SHARED, 1, StdioOptions.DEFAULT_MAX_LINE_BYTES);
  }

  /** A shared stub whose calls time out after {@code timeout}. */
  static BackendOptions shared(Duration timeout) {
    BackendOptions options = shared();
    return BackendOptions.stdio(options.name(), timeout, options.stdio());
  }
}
