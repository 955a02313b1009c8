package dev.switchboard.core.backend.pipe;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/** Runs a client's operations on its own context and hands each result back to the caller's context. */
final class ContextHop {
  private final Context context;

  ContextHop(Context context) {
    this.context = context;
  }

  Context context() {
    return context;
  }

  /** Where messages for the caller go: its own context, or the client's when called from outside Vert.x. */
  Context caller() {
    Context current = Vertx.currentContext();
    return current != null ? current : context;
  }

  /** Runs {@code action} on the client's context and completes on the caller's. */
  <T> Future<T> run(Supplier<Future<T>> action) {
    Context caller = Vertx.currentContext();
    Promise<T> promise = Promise.promise();
    Runnable run = () -> {
      Future<T> result;
      try {
        result = action.get();
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      result.onComplete(done -> {
        if (caller == null || caller == context) {
          promise.handle(done);
        } else {
          caller.runOnContext(v -> promise.handle(done));
        }
      });
    };
    if (Vertx.currentContext() == context) {
      run.run();
    } else {
      context.runOnContext(v -> run.run());
    }
    return promise.future();
  }
}
