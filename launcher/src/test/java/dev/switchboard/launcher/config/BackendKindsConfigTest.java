package dev.switchboard.launcher.config;

import static dev.switchboard.launcher.config.ConfigAssertions.assertRejected;
import static dev.switchboard.launcher.config.ConfigAssertions.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.backend.BackendTransport;
import dev.switchboard.core.backend.stdio.SessionMode;
import dev.switchboard.core.backend.stdio.StdioOptions;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code command:} (stdio) and {@code transport:} backends in the configuration. */
class BackendKindsConfigTest {

  @Test
  void stdioBackendMapsEveryKey() {
    BackendOptions backend = parse("""
      backends:
        - name: files
          command: [npx, -y, "@modelcontextprotocol/server-filesystem", /srv/data]
          env: {NODE_OPTIONS: "--max-old-space-size=256"}
          cwd: /tmp
          sessionMode: per-session
          maxProcesses: 7
          maxLineSize: 1MiB
          maxQueuedMessages: 99
          stopGracePeriod: 2s
          idleTimeout: 10m
          timeout: 12s
      """).backends().getFirst();

    assertThat(backend.transport()).isEqualTo(BackendTransport.STDIO);
    assertThat(backend.url()).isNull();
    assertThat(backend.timeout()).isEqualTo(Duration.ofSeconds(12));
    StdioOptions stdio = backend.stdio();
    assertThat(stdio.command()).containsExactly("npx", "-y", "@modelcontextprotocol/server-filesystem", "/srv/data");
    assertThat(stdio.env()).containsEntry("NODE_OPTIONS", "--max-old-space-size=256");
    assertThat(stdio.cwd()).isEqualTo(Path.of("/tmp"));
    assertThat(stdio.sessionMode()).isEqualTo(SessionMode.PER_SESSION);
    assertThat(stdio.maxProcesses()).isEqualTo(7);
    assertThat(stdio.maxLineBytes()).isEqualTo(1024 * 1024);
    assertThat(stdio.maxQueuedMessages()).isEqualTo(99);
    assertThat(stdio.stopGracePeriod()).isEqualTo(Duration.ofSeconds(2));
    assertThat(stdio.idleTimeout()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void stdioBackendDefaultsToASharedProcess() {
    StdioOptions stdio = parse("backends: [{name: m, command: [node, server.js]}]").backends().getFirst().stdio();

    assertThat(stdio.sessionMode()).isEqualTo(SessionMode.SHARED);
    assertThat(stdio.maxLineBytes()).isEqualTo(StdioOptions.DEFAULT_MAX_LINE_BYTES);
    assertThat(stdio.maxQueuedMessages()).isEqualTo(StdioOptions.DEFAULT_MAX_QUEUED_MESSAGES);
  }

  @Test
  void sseTransportIsMapped() {
    BackendOptions backend = parse("backends: [{name: legacy, url: \"http://127.0.0.1:9/sse\", transport: sse}]")
      .backends().getFirst();

    assertThat(backend.transport()).isEqualTo(BackendTransport.SSE);
  }

  @Test
  void urlBackendDefaultsToStreamableHttp() {
    assertThat(parse("backends: [{name: a, url: \"http://127.0.0.1:9/mcp\"}]").backends().getFirst().transport())
      .isEqualTo(BackendTransport.STREAMABLE_HTTP);
  }

  @Test
  void urlAndCommandTogetherAreRejected() {
    assertRejected("backends: [{name: a, url: \"http://127.0.0.1:9/mcp\", command: [x]}]",
      "backends[0]: set exactly one of url (an HTTP backend) and command (a stdio backend)");
  }

  @Test
  void neitherUrlNorCommandIsRejected() {
    assertRejected("backends: [{name: a}]", "backends[0].url: required (or command: for a stdio backend)");
  }

  @Test
  void emptyCommandIsRejected() {
    assertRejected("backends: [{name: a, command: []}]", "backends[0].command: must be a non-empty list");
  }

  @Test
  void commandThatIsNotAListIsRejected() {
    assertRejected("backends: [{name: a, command: \"npx server\"}]", "backends[0].command: expected a list");
  }

  @Test
  void unknownSessionModeIsRejected() {
    assertRejected("backends: [{name: a, command: [x], sessionMode: pooled}]",
      "backends[0].sessionMode: must be shared or per-session, got \"pooled\"");
  }

  @Test
  void maxProcessesWithASharedProcessIsRejected() {
    assertRejected("backends: [{name: a, command: [x], maxProcesses: 3}]",
      "backends[0].maxProcesses: only allowed with sessionMode: per-session");
  }

  @Test
  void unknownTransportIsRejected() {
    assertRejected("backends: [{name: a, url: \"http://127.0.0.1:9/mcp\", transport: websocket}]",
      "backends[0].transport: must be streamable-http or sse, got \"websocket\"");
  }

  @Test
  void transportOnAStdioBackendIsRejected() {
    assertRejected("backends: [{name: a, command: [x], transport: sse}]",
      "backends[0].transport: not allowed on a stdio backend");
  }

  @Test
  void envOnAUrlBackendIsRejected() {
    assertRejected("backends: [{name: a, url: \"http://127.0.0.1:9/mcp\", env: {A: b}}]",
      "backends[0].env: only allowed on a stdio backend");
  }

  @Test
  void cwdThatIsNotADirectoryIsRejected() {
    assertRejected("backends: [{name: a, command: [x], cwd: /nonexistent/dir}]",
      "backends[0].cwd: not a directory: \"/nonexistent/dir\"");
  }

  @Test
  void badEnvironmentNameIsRejected() {
    assertRejected("backends: [{name: a, command: [x], env: {\"A-B\": c}}]",
      "backends[0].env.A-B: not a valid environment variable name");
  }
}
