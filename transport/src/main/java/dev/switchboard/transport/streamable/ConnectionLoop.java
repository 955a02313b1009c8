package dev.switchboard.transport.streamable;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.PromiseInternal;
import io.vertx.core.internal.http.HttpServerRequestInternal;
import java.util.function.Supplier;

/**
 * The event loop that owns a client's connection, where its response is written. The gateway's HTTP server runs in
 * Vert.x's strict thread mode (see {@code TransportVerticle}): a response goes straight to its channel, without
 * Vert.x's cross-thread write queue, and writing it from any other thread fails. Code that may run elsewhere (after a
 * registration that a request on another event loop started, or for a message that another loop relays) writes
 * through here.
 */
public final class ConnectionLoop {
  private ConnectionLoop() {
  }

  /** The context of {@code req}'s connection; null for a request that is not Vert.x's own (a test double). */
  static ContextInternal of(HttpServerRequest req) {
    return req instanceof HttpServerRequestInternal internal ? internal.context() : null;
  }

  /** True when the calling thread may write {@code req}'s response now. */
  static boolean onLoop(ContextInternal loop) {
    return loop == null || loop.executor().inThread();
  }

  /** Runs {@code write} at once on the connection's event loop, or as a task there. */
  public static void run(HttpServerRequest req, Runnable write) {
    ContextInternal loop = of(req);
    if (onLoop(loop)) {
      write.run();
    } else {
      loop.runOnContext(v -> write.run());
    }
  }

  /** Like {@link #run}, for a write whose outcome the caller waits for. */
  public static <T> Future<T> call(HttpServerRequest req, Supplier<Future<T>> write) {
    return call(of(req), write);
  }

  private static <T> Future<T> call(ContextInternal loop, Supplier<Future<T>> write) {
    return onLoop(loop) ? write.get() : later(loop, write);
  }

  /** Makes {@code write} as a task on {@code loop}, after the tasks already waiting there; completes there. */
  static <T> Future<T> later(ContextInternal loop, Supplier<Future<T>> write) {
    PromiseInternal<T> done = loop.promise();
    loop.runOnContext(v -> {
      Future<T> written;
      try {
        written = write.get();
      } catch (RuntimeException e) {
        written = Future.failedFuture(e);
      }
      written.onComplete(done);
    });
    return done.future();
  }
}
