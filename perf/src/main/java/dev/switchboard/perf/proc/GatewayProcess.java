package dev.switchboard.perf.proc;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A gateway running as its own JVM, on a port chosen here, with its output in a log file. Its CPU time and heap are
 * read from its own accounting ({@link ProcessCpu}, {@link JvmProbe}).
 */
public final class GatewayProcess implements AutoCloseable {
  private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
    + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"perf-probe\",\"version\":\"1\"}}}";
  private static final long POLL_MILLIS = 10;

  private final String name;
  private final Process process;
  private final long startedNanos;
  private final int port;
  private final Path log;

  private GatewayProcess(String name, Process process, long startedNanos, int port, Path log) {
    this.name = name;
    this.process = process;
    this.startedNanos = startedNanos;
    this.port = port;
    this.log = log;
  }

  /**
   * Writes the configuration and starts the JVM (returns at once; see {@link #awaitInitialize}).
   *
   * @param yaml the configuration, with {@code {port}} where the server port goes
   */
  public static GatewayProcess start(GatewayLaunch launch, String name, String yaml, List<String> extraJvmArgs,
                                     Path workDir) {
    int port = Ports.free();
    try {
      Files.createDirectories(workDir);
      Path config = workDir.resolve(name + ".yaml");
      Files.writeString(config, yaml.replace("{port}", Integer.toString(port)));
      Path log = workDir.resolve(name + ".log");
      ProcessBuilder builder = new ProcessBuilder(launch.command(config, extraJvmArgs))
        .redirectErrorStream(true).redirectOutput(log.toFile());
      long started = System.nanoTime();
      return new GatewayProcess(name, builder.start(), started, port, log);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start gateway " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * Sends {@code initialize} every {@value #POLL_MILLIS} ms until one is answered with a session id; returns the time
   * from process start to that answer (the cold start).
   */
  public Duration awaitInitialize(Duration timeout) {
    return awaitInitialize(timeout, null);
  }

  /** Like {@link #awaitInitialize(Duration)}, sending {@code authorization} (null: none) with each attempt. */
  public Duration awaitInitialize(Duration timeout, String authorization) {
    try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(1)).build()) {
      return awaitInitialize(http, timeout, authorization);
    }
  }

  private Duration awaitInitialize(HttpClient http, Duration timeout, String authorization) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url())).timeout(Duration.ofSeconds(5))
      .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream");
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    HttpRequest request = builder.POST(HttpRequest.BodyPublishers.ofString(INITIALIZE)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no attempt";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("gateway " + name + " exited with " + process.exitValue() + ": " + logTail());
      }
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.headers().firstValue("Mcp-Session-Id").isPresent()) {
          return Duration.ofNanos(System.nanoTime() - startedNanos);
        }
        last = "HTTP " + response.statusCode() + ": " + response.body();
      } catch (ConnectException e) {
        last = "connection refused";
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      sleep(POLL_MILLIS);
    }
    throw new IllegalStateException("gateway " + name + " did not answer initialize within " + timeout + " (" + last
      + "): " + logTail());
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public int port() {
    return port;
  }

  public String url() {
    return "http://" + Ports.LOOPBACK + ":" + port + "/mcp";
  }

  public Path log() {
    return log;
  }

  /** CPU time used so far by the whole gateway JVM (all threads, GC and JIT included). */
  public long cpuNanos() {
    return ProcessCpu.cpuNanos(process.pid());
  }

  /** {@link #cpuNanos()} split into user and system time; null when it cannot be read. */
  public CpuTime cpuTime() {
    return ProcessCpu.times(process.pid());
  }

  public JvmProbe probe() {
    return new JvmProbe(process.pid());
  }

  /** The last lines of the log, for error messages. */
  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Stops the JVM: SIGTERM, then SIGKILL after 10 s. */
  @Override
  public void close() {
    Commands.stop(process, Duration.ofSeconds(10));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
