package dev.switchboard.transport.session;

import dev.switchboard.core.async.Deadline;
import dev.switchboard.core.bus.CloseSession;
import dev.switchboard.core.bus.CoreBus;
import dev.switchboard.core.bus.OpenSession;
import dev.switchboard.core.bus.SessionContext;
import dev.switchboard.session.SessionRecord;
import dev.switchboard.session.SessionState;
import dev.switchboard.session.SessionStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Phase 2 of a session, on whichever instance needs it first. An active record is re-injected from its stored
 * backend sessions (and view fingerprint). A pending one is registered by the one instance that wins the store's
 * claim; the others wait for the record to turn active (polling the store, bounded by the registration timeout) and
 * then re-inject it, so a session never gets two sets of backend sessions.
 */
final class Registrar {
  static final long POLL_MILLIS = 25;

  private final Vertx vertx;
  private final SessionStore store;
  private final CoreBus core;
  private final Duration timeout;

  Registrar(Vertx vertx, SessionStore store, CoreBus core, Duration timeout) {
    this.vertx = vertx;
    this.store = store;
    this.core = core;
    this.timeout = timeout;
  }

  Future<SessionContext> register(LocalSession session) {
    Future<SessionContext> context;
    if (session.record().state() == SessionState.ACTIVE) {
      context = reinject(session);
    } else {
      context = store.claim(session.id(), timeout).compose(won -> won ? open(session)
        : activeRecord(session.id(), System.nanoTime() + timeout.toNanos()).compose(active -> {
          session.record(active);
          return reinject(session);
        }));
    }
    return Deadline.within(context, timeout.toMillis());
  }

  private Future<SessionContext> reinject(LocalSession session) {
    SessionRecord record = session.record();
    return core.open(new OpenSession(session.client(), record.backendSessions(), record.viewFingerprint(),
        session.listenAddress()))
      .map(opened -> new SessionContext(session.client(), opened.backendSessions(), opened.view()));
  }

  private Future<SessionContext> open(LocalSession session) {
    SessionRecord record = session.record();
    return core.open(new OpenSession(session.client(), null, null, session.listenAddress())).compose(opened -> {
      SessionContext context = new SessionContext(session.client(), opened.backendSessions(), opened.view());
      SessionRecord active = record.activated(opened.view().fingerprint(), opened.backendSessions());
      return store.update(active).compose(updated -> {
        if (!updated || session.terminated()) {
          core.close(new CloseSession(context));
          return Future.failedFuture(SessionFailure.notFound());
        }
        session.record(active);
        return Future.succeededFuture(context);
      });
    });
  }

  /** Polls the store until the record is active (another instance registers it), gone, or the deadline passes. */
  private Future<SessionRecord> activeRecord(String id, long deadlineNanos) {
    return store.get(id).compose(record -> {
      if (record == null) {
        return Future.failedFuture(SessionFailure.notFound());
      }
      if (record.state() == SessionState.ACTIVE) {
        return Future.succeededFuture(record);
      }
      if (System.nanoTime() > deadlineNanos) {
        return Future.failedFuture(new TimeoutException("registration by another instance"));
      }
      Promise<Void> later = Promise.promise();
      vertx.setTimer(POLL_MILLIS, t -> later.complete());
      return later.future().compose(v -> activeRecord(id, deadlineNanos));
    });
  }
}
