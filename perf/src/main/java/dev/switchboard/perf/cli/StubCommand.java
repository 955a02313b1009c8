package dev.switchboard.perf.cli;

import dev.switchboard.perf.stub.StubBackend;
import dev.switchboard.perf.stub.StubOptions;
import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** {@code stub}: runs a stub backend on 127.0.0.1 for a bounded time (default 10 minutes, at most 24 h). */
final class StubCommand {
  private static final Duration MAX_RUN = Duration.ofHours(24);

  private StubCommand() {
  }

  static int run(Args args) {
    StubOptions options = new StubOptions()
      .setTools(args.integer("tools", StubOptions.DEFAULT_TOOLS))
      .setToolPrefix(args.string("tool-prefix", StubOptions.DEFAULT_TOOL_PREFIX))
      .setLatency(args.duration("latency", StubOptions.DEFAULT_LATENCY))
      .setSse(args.flag("sse"));
    int port = args.integer("port", 0);
    Duration runFor = args.duration("duration", Duration.ofMinutes(10));
    args.rejectUnknown();
    if (runFor.compareTo(MAX_RUN) > 0) {
      throw new IllegalArgumentException("--duration at most 24h");
    }
    Vertx vertx = Vertx.vertx();
    try {
      RunningServer server = StubBackend.start(vertx, "127.0.0.1", port, options).toCompletionStage()
        .toCompletableFuture().get(30, TimeUnit.SECONDS);
      System.out.println("stub " + options + " listening at " + server.url() + " for " + runFor.toSeconds() + " s");
      Thread.sleep(runFor.toMillis());
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    } catch (Exception e) {
      System.err.println("stub failed: " + e);
      return 1;
    } finally {
      vertx.close();
    }
  }
}
