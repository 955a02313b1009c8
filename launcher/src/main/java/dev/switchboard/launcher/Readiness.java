package dev.switchboard.launcher;

import dev.switchboard.session.SessionStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * What {@code /health/ready} answers: the configuration is loaded (this object exists only then) and the session
 * store answered its last probe. The store is probed in the background every {@link #PROBE_MILLIS}, so the health
 * endpoint never waits on it.
 */
final class Readiness {
  static final long PROBE_MILLIS = 2000;

  private final Vertx vertx;
  private final SessionStore store;
  private final long timer;
  private volatile boolean storeAnswers = true;

  Readiness(Vertx vertx, SessionStore store) {
    this.vertx = vertx;
    this.store = store;
    this.timer = vertx.setPeriodic(0, PROBE_MILLIS, id -> probe());
  }

  boolean ready() {
    return storeAnswers;
  }

  private void probe() {
    store.ping().onComplete(ar -> storeAnswers = ar.succeeded());
  }

  Future<Void> close() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }
}
