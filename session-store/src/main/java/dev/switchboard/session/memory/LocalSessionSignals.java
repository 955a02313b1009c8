package dev.switchboard.session.memory;

import dev.switchboard.session.SessionSignals;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;

/** {@link SessionSignals} for a single instance: every signal is delivered to this instance's handler. */
public final class LocalSessionSignals implements SessionSignals {
  private final Context context;
  private volatile Handler<Signal> handler;

  public LocalSessionSignals(Vertx vertx) {
    this.context = vertx.getOrCreateContext();
  }

  @Override
  public Future<Void> publish(Signal signal) {
    Handler<Signal> current = handler;
    if (current != null) {
      context.runOnContext(v -> current.handle(signal));
    }
    return Future.succeededFuture();
  }

  /** No other instance shares a memory store. */
  @Override
  public boolean shared() {
    return false;
  }

  @Override
  public void handler(Handler<Signal> newHandler) {
    this.handler = newHandler;
  }

  @Override
  public Future<Void> close() {
    handler = null;
    return Future.succeededFuture();
  }
}
