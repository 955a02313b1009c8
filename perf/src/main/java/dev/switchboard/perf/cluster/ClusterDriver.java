package dev.switchboard.perf.cluster;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Drives many MCP sessions through a load balancer for a bounded time and kills one gateway instance mid-run:
 *
 * <pre>
 * java -cp switchboard.jar:perf/target/classes dev.switchboard.perf.cluster.ClusterDriver \
 *   --url http://127.0.0.1:8090/mcp --sessions 20 --duration 30s \
 *   --kill-pid 1234 --kill-after 12s --kill-upstream 127.0.0.1:8082
 * </pre>
 *
 * Prints progress every 5 s, then a summary line starting with {@code cluster-test:}. Exit status: 0 when every
 * session started and none was lost and no more calls failed than were in flight on the killed instance; 1 otherwise;
 * 2 for bad arguments; 3 when the process to kill was not found.
 */
public final class ClusterDriver {
  private static final long PROGRESS_MILLIS = 5_000;

  private final Vertx vertx;
  private final DriverOptions options;
  private final ClusterStats stats;
  private boolean killFailed;

  private ClusterDriver(Vertx vertx, DriverOptions options) {
    this.vertx = vertx;
    this.options = options;
    this.stats = new ClusterStats(options.killUpstream());
  }

  public static void main(String[] args) throws Exception {
    DriverOptions options;
    try {
      options = DriverOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("cluster driver: " + e.getMessage());
      System.exit(2);
      return;
    }
    Vertx vertx = Vertx.vertx();
    int code;
    try {
      long bound = options.duration().plus(options.requestTimeout()).toSeconds() + 60;
      code = new ClusterDriver(vertx, options).run().await(bound, TimeUnit.SECONDS);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
    System.exit(code);
  }

  /** Runs every session on one context and completes with the exit status. */
  private Future<Integer> run() {
    Promise<Integer> done = Promise.promise();
    Context context = vertx.getOrCreateContext();
    context.runOnContext(v -> {
      HttpClient client = vertx.httpClientBuilder()
        .with(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(2_000).setTcpNoDelay(true))
        .with(new PoolOptions().setHttp1MaxSize(options.sessions()).setMaxWaitQueueSize(options.sessions() * 4))
        .build();
      long startNanos = System.nanoTime();
      long deadline = startNanos + options.duration().toNanos();
      long progress = vertx.setPeriodic(PROGRESS_MILLIS, t -> System.out.printf(
        "  t=%ds calls=%d failures=%d lost=%d%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos),
        stats.calls(), stats.failures(), stats.lost()));
      if (options.killPid() > 0) {
        vertx.setTimer(options.killAfter().toMillis(), t -> kill());
      }
      List<Future<Void>> sessions = new ArrayList<>();
      for (int i = 0; i < options.sessions(); i++) {
        sessions.add(new DriverSession(i, vertx, client, options, stats, deadline).run());
      }
      Future.join(sessions).onComplete(all -> {
        vertx.cancelTimer(progress);
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        stats.report(options.sessions(), elapsed).forEach(System.out::println);
        client.close();
        done.complete(killFailed ? 3 : stats.passed(options.sessions()) ? 0 : 1);
      });
    });
    return done.future();
  }

  private void kill() {
    stats.killedNow();
    boolean sent = ProcessHandle.of(options.killPid()).map(ProcessHandle::destroyForcibly).orElse(false);
    if (sent) {
      System.out.println("  killed pid " + options.killPid() + " with SIGKILL"
        + (options.killUpstream() == null ? "" : " (" + options.killUpstream() + ")"));
      if (options.killUpstream() != null) {
        DeathProbe.watch(vertx, options.killUpstream()).onComplete(ar -> stats.deadNow());
      } else {
        stats.deadNow();
      }
    } else {
      killFailed = true;
      System.out.println("  cannot kill pid " + options.killPid() + ": no such process");
    }
  }
}
