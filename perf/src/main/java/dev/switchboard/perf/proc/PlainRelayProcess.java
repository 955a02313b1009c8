package dev.switchboard.perf.proc;

import dev.switchboard.perf.relay.PlainRelayMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The plain Vert.x relay ({@link PlainRelayMain}) as its own JVM in front of one upstream, started with this JVM's
 * class path (the perf jar), native access, and the options the gateway's launch gives Netty ({@link
 * GatewayLaunch#nettyOptions()}). Its output goes to a log file in the work directory.
 */
public final class PlainRelayProcess implements AutoCloseable {
  /** The relay's name as a target in the benchmark's figures ({@code gateway/vertx}, {@code vertx/nginx}). */
  public static final String NAME = "vertx";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final int port;

  private PlainRelayProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts the relay in front of 127.0.0.1:{@code upstreamPort} with the Netty options of {@code launch}; waits (at
   * most 30 s) until it listens.
   */
  public static PlainRelayProcess start(int upstreamPort, GatewayLaunch launch, Path workDir) {
    int port = Ports.free();
    try {
      Files.createDirectories(workDir);
      Path log = workDir.resolve("plain-relay-" + port + ".log");
      Process process = new ProcessBuilder(command(port, upstreamPort, launch)).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
      PlainRelayProcess relay = new PlainRelayProcess(process, port);
      if (!Ports.awaitListening(port, process, START_TIMEOUT)) {
        relay.close();
        throw new IllegalStateException("the plain Vert.x relay did not start: " + Files.readString(log).strip());
      }
      return relay;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the plain Vert.x relay: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static List<String> command(int port, int upstreamPort, GatewayLaunch launch) {
    List<String> command = new ArrayList<>(List.of(Commands.java(), "--enable-native-access=ALL-UNNAMED"));
    command.addAll(launch.nettyOptions());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), PlainRelayMain.class.getName(),
      Integer.toString(port), Integer.toString(upstreamPort)));
    return command;
  }

  public String url() {
    return "http://" + Ports.LOOPBACK + ":" + port + "/mcp";
  }

  public long pid() {
    return process.pid();
  }

  /** The relay's CPU time so far, user and system; null when it cannot be read. */
  public CpuTime cpuTime() {
    return ProcessCpu.times(process.pid());
  }

  @Override
  public void close() {
    Commands.stop(process, Duration.ofSeconds(10));
  }
}
