package dev.switchboard.perf.proc;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Node MCP server started for a benchmark (a script that prints {@code Loopback MCP endpoint: <url>} once it listens
 * on 127.0.0.1, {@code PORT=0} choosing the port), stopped on {@link #close()}.
 */
public final class NodeServer implements AutoCloseable {
  private static final String READY = "Loopback MCP endpoint: ";

  private final Process process;
  private final String url;

  private NodeServer(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  /** True when {@code node} is on the PATH. */
  public static boolean available() {
    return Commands.onPath("node");
  }

  /** Starts {@code script} with {@code node} and waits (at most 30 s) for its URL; the log goes to {@code log}. */
  public static NodeServer start(Path script, Path log) {
    return start(List.of(script.toString()), log);
  }

  /**
   * Starts {@code node} with {@code nodeArgs} (options, the script and its arguments) and waits (at most 30 s) for its
   * URL; the log goes to {@code log}.
   */
  public static NodeServer start(List<String> nodeArgs, Path log) {
    String script = String.join(" ", nodeArgs);
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      List<String> command = new ArrayList<>(List.of("node"));
      command.addAll(nodeArgs);
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("PORT", "0");
      Process process = builder.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline) {
        String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        int at = text.indexOf(READY);
        if (at >= 0 && text.indexOf('\n', at) > 0) {
          return new NodeServer(process, text.substring(at + READY.length(), text.indexOf('\n', at)).strip());
        }
        if (!process.isAlive()) {
          throw new IllegalStateException(script + " exited before it listened: " + text.strip());
        }
        Thread.sleep(50);
      }
      process.destroyForcibly();
      throw new IllegalStateException(script + " did not listen within 30 s");
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + script + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  public String url() {
    return url;
  }

  /** The port of {@link #url()}. */
  public int port() {
    return URI.create(url).getPort();
  }

  /** CPU time of the Node process so far. */
  public long cpuNanos() {
    return ProcessCpu.cpuNanos(process.pid());
  }

  @Override
  public void close() {
    Commands.stop(process, Duration.ofSeconds(5));
  }
}
