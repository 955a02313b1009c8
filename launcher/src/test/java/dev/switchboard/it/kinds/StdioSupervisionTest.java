package dev.switchboard.it.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.backend.stdio.StdioOptions;
import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.it.GatewayHarness;
import dev.switchboard.testkit.McpTestClient;
import dev.switchboard.launcher.Gateway;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A stdio backend under supervision, behind a real gateway: a process that dies is restarted and the clients'
 * views follow (its tools leave, then come back, each time with a {@code list_changed} on the GET stream); a
 * command that does not exist takes down only its own backend, with a log line that names it.
 */
@ExtendWith(VertxExtension.class)
class StdioSupervisionTest {
  private static final Logger CORE_LOG = Logger.getLogger("dev.switchboard.core");

  private final BlockingQueue<String> logged = new LinkedBlockingQueue<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      String message = record.getMessage();
      Object[] params = record.getParameters();
      if (params != null) {
        for (int i = 0; i < params.length; i++) {
          message = message.replace("{" + i + "}", String.valueOf(params[i]));
        }
      }
      logged.add(message.replace("''", "'"));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  };
  private Vertx vertx;
  private Gateway gateway;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    CORE_LOG.addHandler(capture);
    BackendOptions ghost = BackendOptions.stdio("ghost", Duration.ofSeconds(5),
      new StdioOptions(List.of("/nonexistent/mcp-server", "--token=do-not-log")));
    gateway = GatewayHarness.start(vertx, List.of(NodeServers.everythingStdio("everything"), ghost),
      AggregationOptions.defaults()).await();
  }

  @AfterEach
  void stop() {
    CORE_LOG.removeHandler(capture);
    gateway.stop().await();
  }

  @Test
  void killedProcessIsRestartedAndTheGetStreamSeesItsToolsLeaveAndReturn() throws Exception {
    McpTestClient client = new McpTestClient(vertx, gateway.url());
    client.initialize().await();
    BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
    client.openGet(null, event -> {
      if (event.hasData()) {
        events.add(event.json());
      }
    }).await();
    List<ProcessHandle> running = NodeServers.children("server-everything", "stdio");
    assertThat(running).hasSize(1);

    running.getFirst().destroyForcibly();

    assertThat(nextListChanged(events)).isTrue();
    assertThat(toolNames(client)).noneMatch(name -> name.startsWith("everything_"));
    assertThat(nextListChanged(events)).isTrue();
    assertThat(toolNames(client)).contains("everything_echo");
    List<ProcessHandle> restarted = NodeServers.children("server-everything", "stdio");
    assertThat(restarted).hasSize(1).noneMatch(p -> p.pid() == running.getFirst().pid());
    JsonObject echoed = client.callTool("everything_echo", new JsonObject().put("message", "again")).await().result();
    assertThat(echoed.getJsonArray("content").getJsonObject(0).getString("text")).isEqualTo("Echo: again");
  }

  @Test
  void missingCommandTakesDownOnlyItsBackendWithALogLineNamingIt() throws Exception {
    McpTestClient client = new McpTestClient(vertx, gateway.url());
    client.initialize().await();

    assertThat(toolNames(client)).contains("everything_echo").noneMatch(name -> name.startsWith("ghost_"));
    String line = null;
    for (String message = logged.poll(10, TimeUnit.SECONDS); message != null && line == null;
         message = logged.poll(10, TimeUnit.SECONDS)) {
      if (message.contains("ghost")) {
        line = message;
      }
    }
    assertThat(line).contains("cannot start the command '/nonexistent/mcp-server'").doesNotContain("do-not-log");
  }

  private static boolean nextListChanged(BlockingQueue<JsonObject> events) throws InterruptedException {
    for (JsonObject event = events.poll(20, TimeUnit.SECONDS); event != null;
         event = events.poll(20, TimeUnit.SECONDS)) {
      if ("notifications/tools/list_changed".equals(event.getString("method"))) {
        return true;
      }
    }
    return false;
  }

  private static List<String> toolNames(McpTestClient client) {
    return client.request("tools/list").await().result().getJsonArray("tools").stream()
      .map(tool -> ((JsonObject) tool).getString("name")).toList();
  }

}
