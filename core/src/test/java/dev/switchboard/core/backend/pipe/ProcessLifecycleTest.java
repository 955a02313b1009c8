package dev.switchboard.core.backend.pipe;

import static dev.switchboard.core.backend.pipe.SharedProcessTest.await;
import static dev.switchboard.core.backend.pipe.SharedProcessTest.text;
import static dev.switchboard.core.backend.pipe.SharedProcessTest.tool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.backend.BackendClient;
import dev.switchboard.core.backend.BackendClients;
import dev.switchboard.core.backend.BackendException;
import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.backend.stdio.SessionMode;
import dev.switchboard.core.backend.stdio.StdioOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Starting, bounding and stopping stdio processes: a missing command, bad lines, per-session processes. */
@ExtendWith(VertxExtension.class)
class ProcessLifecycleTest {
  private static final JsonObject INFO = new JsonObject().put("name", "switchboard").put("version", "test");

  private BackendClient client;

  @AfterEach
  void shutdown() throws Exception {
    if (client != null) {
      await(client.shutdown());
    }
  }

  @Test
  void missingCommandFailsOpenNamingTheProgram(Vertx vertx) {
    client = BackendClients.create(vertx, BackendOptions.stdio("ghost", Duration.ofSeconds(5),
      new StdioOptions(List.of("/nonexistent/mcp-server", "--secret-arg"))), false);

    assertThatThrownBy(() -> await(client.open(INFO, new JsonObject()))).isInstanceOfSatisfying(
      BackendException.class, e -> {
        assertThat(e.kind()).isEqualTo(BackendException.Kind.UNREACHABLE);
        assertThat(e.getMessage()).contains("cannot start the command '/nonexistent/mcp-server'")
          .doesNotContain("--secret-arg");
      });
  }

  @Test
  void invalidAndOverlongLinesAreDroppedAndTheProcessGoesOn(Vertx vertx) throws Exception {
    client = BackendClients.create(vertx, StubProcess.options(SessionMode.SHARED, 1, 1000), false);
    String session = await(client.open(INFO, new JsonObject())).sessionId();

    JsonObject result = await(client.request(session, "tools/call", tool("garbage",
      new JsonObject().put("bytes", 5000))));

    assertThat(text(result)).isEqualTo("after garbage");
  }

  @Test
  void perSessionModeStartsOneProcessPerSessionAndStopsItOnClose(Vertx vertx) throws Exception {
    StdioBackendClient stdio = (StdioBackendClient) BackendClients.create(vertx,
      StubProcess.options(SessionMode.PER_SESSION, 2, StdioOptions.DEFAULT_MAX_LINE_BYTES), false);
    client = stdio;
    String first = await(client.open(INFO, new JsonObject())).sessionId();
    String second = await(client.open(INFO, new JsonObject())).sessionId();

    assertThat(await(stdio.pid(first))).isNotEqualTo(await(stdio.pid(second)));
    assertThat(await(stdio.processCount())).isEqualTo(2);
    await(client.close(first));
    assertThat(await(stdio.processCount())).isEqualTo(1);
  }

  @Test
  void perSessionModeBeyondMaxProcessesRefusesTheSession(Vertx vertx) throws Exception {
    client = BackendClients.create(vertx, StubProcess.options(SessionMode.PER_SESSION, 1,
      StdioOptions.DEFAULT_MAX_LINE_BYTES), false);
    await(client.open(INFO, new JsonObject()));

    assertThatThrownBy(() -> await(client.open(INFO, new JsonObject())))
      .hasMessageContaining("all 1 processes (maxProcesses) are in use");
  }

  @Test
  void perSessionProcessThatExitsExpiresItsSession(Vertx vertx) throws Exception {
    client = BackendClients.create(vertx, StubProcess.options(SessionMode.PER_SESSION, 2,
      StdioOptions.DEFAULT_MAX_LINE_BYTES), false);
    String session = await(client.open(INFO, new JsonObject())).sessionId();
    assertThatThrownBy(() -> await(client.request(session, "tools/call", tool("exit", new JsonObject()))));

    assertThatThrownBy(() -> await(client.request(session, "tools/list", null))).isInstanceOfSatisfying(
      BackendException.class, e -> assertThat(e.kind()).isEqualTo(BackendException.Kind.SESSION_EXPIRED));
  }

  @Test
  void idlePerSessionProcessIsStopped(Vertx vertx) throws Exception {
    StdioBackendClient stdio = (StdioBackendClient) BackendClients.create(vertx, StubProcess.options(
      SessionMode.PER_SESSION, 2, StdioOptions.DEFAULT_MAX_LINE_BYTES, Duration.ofSeconds(1)), false);
    client = stdio;
    String session = await(client.open(INFO, new JsonObject())).sessionId();
    assertThat(await(stdio.processCount())).isEqualTo(1);

    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (await(stdio.processCount()) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }

    assertThat(await(stdio.processCount())).isZero();
    assertThatThrownBy(() -> await(client.request(session, "tools/list", null))).isInstanceOfSatisfying(
      BackendException.class, e -> assertThat(e.kind()).isEqualTo(BackendException.Kind.SESSION_EXPIRED));
  }

  @Test
  void sharedSessionWithAnOpenStreamIsNotIdle(Vertx vertx) throws Exception {
    client = BackendClients.create(vertx, StubProcess.options(SessionMode.SHARED, 1,
      StdioOptions.DEFAULT_MAX_LINE_BYTES, Duration.ofSeconds(1)), false);
    String listening = await(client.open(INFO, new JsonObject())).sessionId();
    String idle = await(client.open(INFO, new JsonObject())).sessionId();
    await(client.listen(listening, m -> { }));

    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    boolean expired = false;
    while (!expired && System.nanoTime() < deadline) {
      try {
        await(client.request(idle, "tools/list", null));
        Thread.sleep(2500);
      } catch (BackendException e) {
        expired = e.kind() == BackendException.Kind.SESSION_EXPIRED;
      }
    }

    assertThat(expired).isTrue();
    assertThat(await(client.request(listening, "tools/list", null)).getJsonArray("tools")).isNotEmpty();
  }

  @Test
  void processThatIgnoresSigtermIsKilledAfterTheGracePeriod(Vertx vertx) throws Exception {
    StdioBackendClient stdio = (StdioBackendClient) BackendClients.create(vertx,
      StubProcess.stubborn(Duration.ofMillis(500)), false);
    String session = await(stdio.open(INFO, new JsonObject())).sessionId();
    long pid = await(stdio.pid(session));

    await(stdio.shutdown());

    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  void shutdownStopsTheSharedProcess(Vertx vertx) throws Exception {
    StdioBackendClient stdio = (StdioBackendClient) BackendClients.create(vertx, StubProcess.shared(), false);
    String session = await(stdio.open(INFO, new JsonObject())).sessionId();
    long pid = await(stdio.pid(session));

    await(stdio.shutdown());

    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }
}
