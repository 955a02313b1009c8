package dev.switchboard.launcher.demo;

import dev.switchboard.transport.kit.McpServer;
import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;

/** Starts the demo MCP backends, {@code demo-math} and {@code demo-text}, on 127.0.0.1 ephemeral ports at /mcp. */
public final class DemoBackends {
  public static final String HOST = "127.0.0.1";
  public static final String PATH = "/mcp";

  private DemoBackends() {
  }

  /** Both servers, demo-math first; if one fails to start, the other is closed and the future fails. */
  public static Future<List<RunningServer>> start(Vertx vertx) {
    List<McpServer> servers = List.of(DemoMath.server(), DemoText.server());
    List<Future<RunningServer>> started = new ArrayList<>();
    for (McpServer server : servers) {
      started.add(server.listen(vertx, HOST, 0, PATH));
    }
    return Future.join(started).transform(all -> {
      if (all.succeeded()) {
        return Future.succeededFuture(started.stream().map(Future::result).toList());
      }
      List<Future<Void>> closing = started.stream().filter(Future::succeeded).map(f -> f.result().close()).toList();
      return Future.join(closing).transform(ignored -> Future.failedFuture(all.cause()));
    });
  }
}
