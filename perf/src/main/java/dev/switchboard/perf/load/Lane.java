package dev.switchboard.perf.load;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import java.util.function.Supplier;
import io.vertx.core.Vertx;

/**
 * One client event loop of a load run: its own HTTP client (a keep-alive pool of one connection per session and
 * target), its sessions, histogram and error counts. Deployed as a verticle so each lane gets its own context; all
 * state is confined to that context, and the load generator reads it only after the lane's run completed.
 */
final class Lane extends VerticleBase {
  /** Highest latency the histogram tracks (larger values are clamped). */
  static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(120);
  private static final long RETRY_PAUSE_MILLIS = 5;

  private final LoadOptions options;
  private final int users;
  private final Progress progress;
  private final Histogram histogram = new Histogram(HIGHEST_NANOS, 3);
  private final ErrorCounts errors = new ErrorCounts();
  private final List<McpSession> sessions = new ArrayList<>();
  private HttpClientAgent http;
  private McpClient client;
  private Work work;
  private long completed;
  private long finishedNanos;

  Lane(LoadOptions options, int users, Progress progress) {
    this.options = options;
    this.users = users;
    this.progress = progress;
  }

  @Override
  public Future<?> start() {
    http = vertx.httpClientBuilder()
      .with(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5_000).setName("perf-lane"))
      .with(new PoolOptions().setHttp1MaxSize(users).setMaxWaitQueueSize(options.getMaxInFlight()))
      .build();
    client = new McpClient(http, options);
    work = new Work(client, options);
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    return http.close();
  }

  /** Opens this lane's sessions (all at once); those that fail are counted and left out. */
  Future<Integer> open() {
    return onContext(() -> {
      if (options.isChurn()) {
        return Future.succeededFuture(users);
      }
      List<Future<McpSession>> opening = new ArrayList<>(users);
      for (int i = 0; i < users; i++) {
        opening.add(work.openSession());
      }
      return Future.join(opening).transform(ignored -> {
        for (Future<McpSession> f : opening) {
          if (f.succeeded()) {
            sessions.add(f.result());
          } else {
            errors.add(f.cause());
            progress.failed();
          }
        }
        return Future.succeededFuture(sessions.size());
      });
    });
  }

  /** Runs until {@code deadlineNanos} or {@code budget} requests; completes when nothing is in flight any more. */
  Future<Void> run(long startNanos, long deadlineNanos, long budget) {
    return onContext(() -> {
      Promise<Void> done = Promise.promise();
      if (options.isOpenLoop()) {
        new OpenLoop(this, startNanos, deadlineNanos, budget, done).start();
      } else {
        new ClosedLoop(startNanos, deadlineNanos, budget, done).start();
      }
      return done.future().onComplete(v -> finishedNanos = System.nanoTime());
    });
  }

  /** Closes this lane's sessions with DELETE, each where its next request would go (best effort, failures ignored). */
  Future<Void> closeSessions() {
    return onContext(() -> Future.join(sessions.stream().filter(s -> s.id() != null)
      .map(s -> client.delete(s, s.nextTarget(options.getTargets()))
      .recover(err -> Future.succeededFuture())).toList()).mapEmpty());
  }

  Work work() {
    return work;
  }

  List<McpSession> sessions() {
    return sessions;
  }

  void record(long latencyNanos) {
    histogram.recordValue(Math.max(0, Math.min(latencyNanos, HIGHEST_NANOS)));
    completed++;
    progress.succeeded();
  }

  void fail(Throwable err) {
    errors.add(err);
    progress.failed();
  }

  void backlog() {
    errors.add(ErrorKind.BACKLOG, "request due while " + options.getMaxInFlight() + " were in flight");
    progress.failed();
  }

  Histogram histogram() {
    return histogram;
  }

  ErrorCounts errors() {
    return errors;
  }

  long completed() {
    return completed;
  }

  long finishedNanos() {
    return finishedNanos;
  }

  LoadOptions options() {
    return options;
  }

  Vertx vertx() {
    return vertx;
  }

  private <T> Future<T> onContext(Supplier<Future<T>> action) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(promise));
    return promise.future();
  }

  /** N virtual users, each with one request in flight, sending the next as soon as the previous one is answered. */
  private final class ClosedLoop {
    private final long deadlineNanos;
    private final long budget;
    private final Promise<Void> done;
    private long sent;
    private int active;

    ClosedLoop(long startNanos, long deadlineNanos, long budget, Promise<Void> done) {
      this.deadlineNanos = deadlineNanos;
      this.budget = budget;
      this.done = done;
    }

    void start() {
      int userCount = options.isChurn() ? users : sessions.size();
      active = userCount;
      if (userCount == 0) {
        done.complete();
        return;
      }
      for (int i = 0; i < userCount; i++) {
        next(options.isChurn() ? null : sessions.get(i));
      }
    }

    private void next(McpSession session) {
      if (sent >= budget || System.nanoTime() >= deadlineNanos) {
        if (--active == 0) {
          done.complete();
        }
        return;
      }
      sent++;
      long start = System.nanoTime();
      work.perform(session).onComplete(ar -> {
        if (ar.succeeded()) {
          record(System.nanoTime() - start);
          next(session);
        } else {
          fail(ar.cause());
          vertx.setTimer(RETRY_PAUSE_MILLIS, t -> next(session));
        }
      });
    }
  }
}
