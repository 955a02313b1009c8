package dev.switchboard.core.async;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A future bounded in time stays on the caller's context, whether it times out or completes elsewhere. */
class DeadlineTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  /** What a callback of the bounded future saw: its result, its thread and its context. */
  private record Seen(AsyncResult<String> result, Thread thread, Context context, Thread callerThread,
                      Context callerContext) {
  }

  /** Bounds the future {@code make} gives, on an event-loop context, and waits for the bounded future's callback. */
  private Seen bound(Function<Context, Future<String>> make, long millis) throws Exception {
    CompletableFuture<Seen> seen = new CompletableFuture<>();
    Context context = vertx.getOrCreateContext();
    context.runOnContext(v -> {
      Thread caller = Thread.currentThread();
      Deadline.within(make.apply(context), millis).onComplete(ar -> seen.complete(new Seen(ar, Thread.currentThread(),
        Vertx.currentContext(), caller, context)));
    });
    return seen.get(10, TimeUnit.SECONDS);
  }

  @Test
  void aFutureWithoutAContextTimesOutOnTheCallersEventLoop() throws Exception {
    Seen seen = bound(context -> Promise.<String>promise().future(), 50);

    assertThat(seen.thread()).isSameAs(seen.callerThread());
    assertThat(seen.context()).isSameAs(seen.callerContext());
    assertThat(seen.result().cause()).isInstanceOf(TimeoutException.class).hasMessageContaining("50 ms");
  }

  @Test
  void aResultCompletedOnAnotherThreadArrivesOnTheCallersContext() throws Exception {
    Seen seen = bound(context -> {
      Promise<String> elsewhere = Promise.promise();
      Thread thread = new Thread(() -> elsewhere.complete("done"), "not-an-event-loop");
      thread.start();
      return elsewhere.future();
    }, 5_000);

    assertThat(seen.result().result()).isEqualTo("done");
    assertThat(seen.thread()).isSameAs(seen.callerThread());
    assertThat(seen.context()).isSameAs(seen.callerContext());
  }

  @Test
  void aFailureBeforeTheDeadlineIsPassedOn() throws Exception {
    Seen seen = bound(context -> Future.failedFuture(new IllegalStateException("refused")), 5_000);

    assertThat(seen.result().cause()).isInstanceOf(IllegalStateException.class).hasMessage("refused");
  }

  @Test
  void aSlowAnswerAfterTheDeadlineChangesNothing() throws Exception {
    Seen seen = bound(context -> {
      Promise<String> late = Promise.promise();
      context.owner().setTimer(300, t -> late.complete("late"));
      return late.future();
    }, 20);

    assertThat(seen.result().cause()).isInstanceOf(TimeoutException.class);
  }

  @Test
  void offAnyContextItStillTimesOut() throws Exception {
    Future<String> bounded = Deadline.within(Promise.<String>promise().future(), 20);

    assertThat(bounded.toCompletionStage().toCompletableFuture().handle((r, e) -> e).get(10, TimeUnit.SECONDS))
      .isInstanceOf(TimeoutException.class);
  }
}
