package dev.switchboard.perf.proc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk (the Debian package) driving MCP {@code tools/call}s with the Lua scripts shipped in the perf jar: a load
 * generator nobody here wrote. {@link Script#STATELESS} needs no session (protocol 2026-07-28);
 * {@link Script#SESSION} calls on a session opened beforehand (2025-11-25).
 */
public final class Wrk {
  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
  private static final Pattern ERRORS = Pattern.compile("mcp-errors: (\\d+)");
  private static final Pattern SSE = Pattern.compile("sse-answers: (\\d+)");
  private static final Pattern SOCKET_ERRORS = Pattern.compile(
    "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
  private static final Pattern P50 = Pattern.compile("\\s50%\\s+([0-9.]+)(us|ms|s)");
  private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");

  /** The Lua scripts, by what they need. */
  public enum Script {
    /** Stateless {@code tools/call}s; arguments: tool, text. */
    STATELESS("mcp-stateless-call.lua"),
    /** {@code tools/call}s on a session, a new id each; arguments: session id, tool, message. */
    SESSION("mcp-session-call.lua");

    private final String file;

    Script(String file) {
      this.file = file;
    }
  }

  /**
   * One run: requests per second, requests, failed answers, answers that came as SSE (counted by the session script
   * only), and latency percentiles in milliseconds.
   */
  public record Result(String label, double rate, long requests, long errors, long sseAnswers, double p50Millis,
                       double p99Millis) {
    public String brief() {
      return String.format(Locale.ROOT, "%-32s %8.0f req/s  p50 %7.3f ms  p99 %8.3f ms  errors %d", label, rate,
        p50Millis, p99Millis, errors);
    }
  }

  private final Path workDir;

  private Wrk(Path workDir) {
    this.workDir = workDir;
  }

  /** wrk when installed, with its scripts written to {@code workDir}. */
  public static Optional<Wrk> find(Path workDir) {
    if (!Commands.onPath("wrk")) {
      return Optional.empty();
    }
    try {
      Path dir = Files.createDirectories(workDir.toAbsolutePath());
      for (Script script : Script.values()) {
        try (InputStream in = Wrk.class.getResourceAsStream("/wrk/" + script.file)) {
          if (in == null) {
            return Optional.empty();
          }
          Files.copy(in, dir.resolve(script.file), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      return Optional.of(new Wrk(dir));
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the wrk scripts: " + e.getMessage(), e);
    }
  }

  /**
   * Runs wrk with {@code connections} connections on one thread for {@code duration} against {@code url}, with
   * {@code script} and its arguments.
   */
  public Result run(String label, String url, int connections, Duration duration, Script script, String... args) {
    long seconds = Math.max(1, duration.toSeconds());
    List<String> command = new ArrayList<>(List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s",
      "--latency", "-s", workDir.resolve(script.file).toString(), url, "--"));
    command.addAll(List.of(args));
    return parse(label, Commands.run(command, (int) seconds + 30));
  }

  /** Reads wrk's report (with {@code --latency} and the script's {@code mcp-errors} line). */
  static Result parse(String label, String out) {
    long errors = group(NON_2XX, out, 1) + group(ERRORS, out, 1);
    Matcher socket = SOCKET_ERRORS.matcher(out);
    if (socket.find()) {
      for (int i = 1; i <= 4; i++) {
        errors += Long.parseLong(socket.group(i));
      }
    }
    return new Result(label, decimal(RATE, out), group(REQUESTS, out, 1), errors, group(SSE, out, 1),
      millis(P50, out), millis(P99, out));
  }

  private static long group(Pattern pattern, String text, int group) {
    Matcher m = pattern.matcher(text);
    return m.find() ? Long.parseLong(m.group(group)) : 0;
  }

  private static double decimal(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  private static double millis(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return -1;
    }
    double value = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> value / 1000;
      case "s" -> value * 1000;
      default -> value;
    };
  }
}
