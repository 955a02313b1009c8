package dev.switchboard.core.async;

import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.PromiseInternal;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Bounds a future in time on the caller's context. Vert.x's own {@link Future#timeout} schedules its timer on the
 * future's context, and a future that has none (one composed from {@link Future#succeededFuture}, or from a plain
 * {@link io.vertx.core.Promise#promise()}) gets Netty's single global executor thread instead: every call then hands
 * a task to that thread and back (its thread also stops after a second idle and starts again), and when the timer
 * fires, whatever follows the future runs on that thread, off every event loop. Here the timer is a task on the
 * calling context's own event loop, and the bounded future completes on that context.
 */
public final class Deadline {
  private Deadline() {
  }

  /**
   * {@code future}, or a {@link TimeoutException} if it is not complete within {@code millis}, completed on the
   * calling thread's Vert.x context. Called off any context (a plain thread), it falls back to {@link
   * Future#timeout}.
   */
  public static <T> Future<T> within(Future<T> future, long millis) {
    Context current = Vertx.currentContext();
    if (!(current instanceof ContextInternal context)) {
      return future.timeout(millis, TimeUnit.MILLISECONDS);
    }
    PromiseInternal<T> bounded = context.promise();
    if (future.isComplete()) {
      future.onComplete(bounded);
      return bounded.future();
    }
    ScheduledFuture<?> timer = context.nettyEventLoop().schedule(() -> context.runOnContext(fired ->
      bounded.tryFail(new TimeoutException("no answer within " + millis + " ms"))), millis, TimeUnit.MILLISECONDS);
    future.onComplete(done -> {
      timer.cancel(false);
      if (done.succeeded()) {
        bounded.tryComplete(done.result());
      } else {
        bounded.tryFail(done.cause());
      }
    });
    return bounded.future();
  }
}
