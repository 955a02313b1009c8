package dev.switchboard.it.kinds;

import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.backend.BackendTransport;
import dev.switchboard.core.backend.stdio.SessionMode;
import dev.switchboard.core.backend.stdio.StdioOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference MCP servers from npm, installed in {@code interop/node_modules} ({@code npm ci --prefix interop}):
 * as stdio backends the gateway starts, and server-everything in legacy SSE mode started here on loopback.
 */
public final class NodeServers {
  static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final Pattern ENDPOINT = Pattern.compile("Loopback MCP endpoint: (http://127\\.0\\.0\\.1:\\d+)/mcp");

  private NodeServers() {
  }

  static Path interop() {
    return Path.of("..", "interop").toAbsolutePath().normalize();
  }

  /** The entry point of an installed package; fails with the command to run when it is not installed. */
  static Path entry(String pkg) {
    Path index = interop().resolve("node_modules/@modelcontextprotocol").resolve(pkg).resolve("dist/index.js");
    if (!Files.isRegularFile(index)) {
      throw new IllegalStateException("@modelcontextprotocol/" + pkg + " is not installed in " + interop()
        + ": run `npm ci --prefix interop` first (these tests need the real MCP servers from npm)");
    }
    return index;
  }

  static BackendOptions stdio(String name, SessionMode mode, Map<String, String> env, String pkg, String... args) {
    List<String> command = new ArrayList<>(List.of("node", entry(pkg).toString()));
    command.addAll(List.of(args));
    StdioOptions options = new StdioOptions(command, env, null, mode, 4, StdioOptions.DEFAULT_MAX_LINE_BYTES,
      StdioOptions.DEFAULT_MAX_QUEUED_MESSAGES, Duration.ofSeconds(3), StdioOptions.DEFAULT_IDLE_TIMEOUT);
    return BackendOptions.stdio(name, TIMEOUT, options);
  }

  static BackendOptions filesystem(Path root) {
    return stdio("files", SessionMode.SHARED, Map.of(), "server-filesystem", root.toString());
  }

  static BackendOptions memory(Path file) {
    return stdio("memory", SessionMode.SHARED, Map.of("MEMORY_FILE_PATH", file.toString()), "server-memory");
  }

  static BackendOptions everythingStdio(String name) {
    return stdio(name, SessionMode.SHARED, Map.of(), "server-everything", "stdio");
  }

  static BackendOptions sse(String name, URI sseUrl) {
    return new BackendOptions(name, sseUrl, TIMEOUT, Map.of("X-Test-Header", "kept"), 16, BackendTransport.SSE,
      null);
  }

  /** server-everything in SSE mode on an ephemeral loopback port; {@link #close()} stops it. */
  static final class SseEverything implements AutoCloseable {
    final Process process;
    final URI sseUrl;

    private SseEverything(Process process, URI sseUrl) {
      this.process = process;
      this.sseUrl = sseUrl;
    }

    static SseEverything start() throws Exception {
      ProcessBuilder builder = new ProcessBuilder("node", "--require", interop().resolve("loopback.cjs").toString(),
        entry("server-everything").toString(), "sse");
      builder.environment().put("PORT", "0");
      builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
      Process process = builder.start();
      CompletableFuture<String> base = new CompletableFuture<>();
      Thread.ofPlatform().daemon().start(() -> {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
          StandardCharsets.UTF_8))) {
          String line;
          while ((line = err.readLine()) != null) {
            Matcher m = ENDPOINT.matcher(line);
            if (m.find()) {
              base.complete(m.group(1));
            }
          }
        } catch (IOException e) {
          base.completeExceptionally(e);
        }
        base.completeExceptionally(new IllegalStateException("server-everything (sse) ended before listening"));
      });
      try {
        return new SseEverything(process, URI.create(base.get(20, TimeUnit.SECONDS) + "/sse"));
      } catch (Exception e) {
        process.destroyForcibly();
        throw e;
      }
    }

    @Override
    public void close() throws Exception {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  /** The gateway's child processes running {@code pkg} (there is one per shared stdio backend). */
  static List<ProcessHandle> children(String pkg, String arg) {
    String entry = entry(pkg).toString();
    return ProcessHandle.current().descendants().filter(p -> {
      List<String> args = p.info().arguments().map(List::of).orElse(List.of());
      return args.contains(entry) && (arg == null || args.contains(arg));
    }).toList();
  }
}
