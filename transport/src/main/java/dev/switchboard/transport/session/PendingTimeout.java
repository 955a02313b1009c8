package dev.switchboard.transport.session;

import dev.switchboard.session.SessionState;
import dev.switchboard.session.SessionStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Ends a session whose registration has not started {@code limits.pendingSessionTimeout} after its
 * {@code initialize}, so that clients that never send {@code notifications/initialized} cannot hold pending places
 * for the whole session TTL. Across instances it takes the session's registration claim first (so nobody registers it
 * meanwhile) and reads the record: an active one (registered elsewhere) is left alone.
 */
final class PendingTimeout {
  private static final System.Logger LOG = System.getLogger(PendingTimeout.class.getName());

  private final Vertx vertx;
  private final SessionStore store;
  private final Duration timeout;
  private final Duration claimHold;

  PendingTimeout(Vertx vertx, SessionStore store, Duration timeout, Duration claimHold) {
    this.vertx = vertx;
    this.store = store;
    this.timeout = timeout;
    this.claimHold = claimHold;
  }

  /** Watches a session just created here; {@code end} runs when it is deleted for never registering. */
  void watch(LocalSession session, Consumer<LocalSession> end) {
    long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> expire(session, end));
    session.onTerminate(() -> vertx.cancelTimer(timer));
  }

  private void expire(LocalSession session, Consumer<LocalSession> end) {
    if (session.terminated() || session.registration().get() != null) {
      return;
    }
    store.claim(session.id(), claimHold)
      .compose(won -> won ? store.get(session.id()) : Future.succeededFuture(null))
      .compose(record -> record == null || record.state() != SessionState.PENDING
        ? Future.succeededFuture(false) : store.delete(session.id()))
      .onSuccess(deleted -> {
        if (deleted) {
          LOG.log(System.Logger.Level.DEBUG, "a session never registered within {0} ms; ended", timeout.toMillis());
          end.accept(session);
        }
      })
      .onFailure(err -> LOG.log(System.Logger.Level.DEBUG, "pending timeout of a session: {0}", err.getMessage()));
  }
}
