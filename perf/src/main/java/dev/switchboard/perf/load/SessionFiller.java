package dev.switchboard.perf.load;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Opens many sessions and leaves them idle: each is {@code initialize}, {@code notifications/initialized} and one
 * {@code tools/list} (so the gateway has finished registering it), with at most {@code parallelism} in flight. The
 * sessions are not deleted: they stay until their TTL or until the server stops.
 */
public final class SessionFiller extends VerticleBase {
  /** The outcome: sessions opened, failures, and how long it took. */
  public record Filled(int opened, ErrorCounts errors, long elapsedNanos) {
  }

  private final Target target;
  private final int count;
  private final int parallelism;
  private final Promise<Filled> result = Promise.promise();
  private final ErrorCounts errors = new ErrorCounts();
  private HttpClientAgent http;
  private Work work;
  private McpClient client;
  private int started;
  private int finished;
  private int opened;
  private long startNanos;

  private SessionFiller(Target target, int count, int parallelism) {
    this.target = target;
    this.count = count;
    this.parallelism = parallelism;
  }

  /** Opens {@code count} idle sessions on {@code target}; bounded by {@code timeout} as a whole. */
  public static Future<Filled> fill(Vertx vertx, Target target, int count, int parallelism, Duration timeout) {
    SessionFiller filler = new SessionFiller(target, count, Math.max(1, Math.min(parallelism, count)));
    return vertx.deployVerticle(filler)
      .compose(id -> filler.result.future()
        .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .eventually(() -> vertx.undeploy(id)));
  }

  @Override
  public Future<?> start() {
    LoadOptions options = new LoadOptions().setTarget(target).setTimeout(Duration.ofSeconds(30));
    http = vertx.httpClientBuilder()
      .with(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5_000).setName("perf-filler"))
      .with(new PoolOptions().setHttp1MaxSize(parallelism).setMaxWaitQueueSize(parallelism * 2))
      .build();
    client = new McpClient(http, options);
    work = new Work(client, options);
    startNanos = System.nanoTime();
    if (count == 0) {
      result.complete(new Filled(0, errors, 0));
    }
    for (int i = 0; i < parallelism; i++) {
      next();
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    return http.close();
  }

  private void next() {
    if (started >= count) {
      return;
    }
    started++;
    work.openSession()
      .compose(session -> client.list(session, target))
      .onComplete(ar -> {
        finished++;
        if (ar.succeeded()) {
          opened++;
        } else {
          errors.add(ar.cause());
        }
        if (finished == count) {
          result.tryComplete(new Filled(opened, errors, System.nanoTime() - startNanos));
        } else {
          next();
        }
      });
  }
}
