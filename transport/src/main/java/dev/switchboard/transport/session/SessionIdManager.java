package dev.switchboard.transport.session;

import dev.switchboard.core.bus.CloseSession;
import dev.switchboard.core.bus.CoreBus;
import dev.switchboard.core.bus.Identity;
import dev.switchboard.core.bus.SessionContext;
import dev.switchboard.session.EventLog;
import dev.switchboard.session.SessionRecord;
import dev.switchboard.session.SessionSignals;
import dev.switchboard.session.SessionStore;
import dev.switchboard.transport.http.SessionIds;
import dev.switchboard.transport.observe.EndpointObserver;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Issues, finds, registers and terminates sessions. One instance per process, shared by every transport verticle.
 *
 * <ul>
 *   <li>Phase 1, {@link #create}: a fresh id (CSPRNG, 192 bits) and a <em>pending</em> record, stored
 *       create-if-absent.</li>
 *   <li>Phase 2, {@link #register}: core opens the backend sessions and computes the view; the record becomes
 *       <em>active</em> (update-if-present). Idempotent and shared: every request that arrives meanwhile waits for the
 *       same registration (bounded by the registration timeout).</li>
 *   <li>{@link #find}: the local cache first; on a miss the store (a session created on another instance is loaded
 *       here, and its view is lazily re-injected by {@link #register} before first use). A cached session costs no
 *       store round trip: its sliding TTL is refreshed asynchronously at most once per touch interval.</li>
 * </ul>
 */
public final class SessionIdManager {
  private static final System.Logger LOG = System.getLogger(SessionIdManager.class.getName());

  private final ConcurrentHashMap<String, LocalSession> cache = new ConcurrentHashMap<>();
  private final SessionStore store;
  private final EventLog events;
  private final CoreBus core;
  private final Duration registrationTimeout;
  private final long ttlNanos;
  private final long touchIntervalNanos;
  private final LongSupplier nanoTime;
  private final Vertx vertx;
  private final Registrar registrar;
  private final Invalidation invalidation;
  private final long sweeper;
  private final EndpointObserver observer;

  public SessionIdManager(Vertx vertx, SessionStore store, EventLog events, SessionSignals signals, CoreBus core,
                          Duration registrationTimeout) {
    this(vertx, store, events, signals, core, registrationTimeout, System::nanoTime);
  }

  SessionIdManager(Vertx vertx, SessionStore store, EventLog events, SessionSignals signals, CoreBus core,
                   Duration registrationTimeout, LongSupplier nanoTime) {
    this.vertx = vertx;
    this.store = store;
    this.events = events;
    this.core = core;
    this.registrationTimeout = registrationTimeout;
    this.ttlNanos = store.ttl().toNanos();
    this.touchIntervalNanos = Math.min(ttlNanos / 4, TimeUnit.SECONDS.toNanos(30));
    this.nanoTime = nanoTime;
    this.registrar = new Registrar(vertx, store, core, registrationTimeout);
    this.invalidation = new Invalidation(signals, store, cache);
    long sweepMillis = Math.max(1000, Math.min(store.ttl().toMillis() / 2, 30_000));
    this.sweeper = vertx.setPeriodic(sweepMillis, id -> sweep());
    this.observer = EndpointObserver.of(vertx);
  }

  /** Phase 1: issues a session id and stores the pending record. */
  public Future<LocalSession> create(Identity identity, String protocolVersion, JsonObject clientInfo,
                                     JsonObject clientCapabilities) {
    SessionRecord record = SessionRecord.pending(SessionIds.generate(), protocolVersion, identity.issuer(),
      identity.subject(), clientInfo, clientCapabilities, System.currentTimeMillis());
    return store.create(record).compose(created -> {
      if (!created) {
        return Future.failedFuture(new IllegalStateException("session id collision"));
      }
      LocalSession session = new LocalSession(record, nanoTime.getAsLong());
      cache.put(record.id(), session);
      observer.sessionOpened(session.client());
      return Future.succeededFuture(session);
    });
  }

  /** Finds a live session bound to {@code identity}; fails with {@link SessionFailure} otherwise. */
  public Future<LocalSession> find(String id, Identity identity) {
    long now = nanoTime.getAsLong();
    LocalSession session = cache.get(id);
    if (session != null) {
      if (session.terminated() || now - session.lastSeenNanos() > ttlNanos) {
        cache.remove(id, session);
        session.terminate();
      } else {
        if (!session.boundTo(identity)) {
          return Future.failedFuture(SessionFailure.forbidden());
        }
        session.seen(now);
        touchIfDue(session, now);
        return Future.succeededFuture(session);
      }
    }
    return store.get(id).compose(record -> {
      if (record == null) {
        return Future.failedFuture(SessionFailure.notFound());
      }
      LocalSession loaded = new LocalSession(record, nanoTime.getAsLong());
      if (!loaded.boundTo(identity)) {
        return Future.failedFuture(SessionFailure.forbidden());
      }
      LocalSession raced = cache.putIfAbsent(id, loaded);
      return Future.succeededFuture(raced != null ? raced : loaded);
    });
  }

  /**
   * Phase 2 (or re-injection of a session created elsewhere): completes with the session's context. Concurrent
   * callers share one registration; a failed registration is tried again by the next caller.
   */
  public Future<SessionContext> register(LocalSession session) {
    Future<SessionContext> current = session.registration().get();
    if (current != null && !current.failed()) {
      return current;
    }
    Promise<SessionContext> promise = Promise.promise();
    if (!session.registration().compareAndSet(current, promise.future())) {
      return session.registration().get();
    }
    registrar.register(session).onComplete(promise);
    return promise.future();
  }

  /** Records new backend sessions after core had to renew one. */
  public void backendSessionsChanged(LocalSession session, SessionContext old, Map<String, String> backendSessions) {
    SessionContext renewed = new SessionContext(old.client(), backendSessions, old.view());
    session.registration().set(Future.succeededFuture(renewed));
    SessionRecord updated = session.record().withBackendSessions(backendSessions);
    session.record(updated);
    store.update(updated).onFailure(err -> LOG.log(System.Logger.Level.WARNING,
      "could not store renewed backend sessions of a session: {0}", err.getMessage()));
  }

  /** Attaches a view recomputed by core after a backend's list changed. */
  public void viewChanged(LocalSession session, dev.switchboard.core.catalog.CapabilityView view) {
    viewChanged(session, view, null);
  }

  /**
   * Attaches a view recomputed by core after a backend's list changed, or a backend went down or came back; with the
   * session's new backend sessions when they changed (null: unchanged).
   */
  public void viewChanged(LocalSession session, dev.switchboard.core.catalog.CapabilityView view,
                          Map<String, String> changedBackendSessions) {
    SessionContext current = session.contextIfReady();
    if (current == null) {
      return;
    }
    Map<String, String> backendSessions = changedBackendSessions != null ? changedBackendSessions
      : current.backendSessions();
    session.registration().set(Future.succeededFuture(new SessionContext(current.client(), backendSessions, view)));
    SessionRecord updated = session.record().activated(view.fingerprint(), backendSessions);
    session.record(updated);
    store.update(updated).onFailure(err -> LOG.log(System.Logger.Level.WARNING,
      "could not store a session''s new view: {0}", err.getMessage()));
    invalidation.viewChanged(session.id());
  }

  /** Terminates a session: deletes its record, closes its backend sessions, forgets it locally. */
  public Future<Void> delete(String id, Identity identity) {
    return find(id, identity).compose(session -> store.delete(id).compose(existed -> {
      session.terminate();
      cache.remove(id, session);
      observer.sessionClosed(session.client());
      SessionContext context = session.contextIfReady();
      if (context != null) {
        core.close(new CloseSession(context));
      }
      invalidation.deleted(id);
      events.delete(id).onFailure(err -> LOG.log(System.Logger.Level.DEBUG, "event log of a deleted session: {0}",
        err.getMessage()));
      return existed ? Future.succeededFuture() : Future.failedFuture(SessionFailure.notFound());
    }));
  }

  public void close() {
    vertx.cancelTimer(sweeper);
  }

  /** Sessions held by this instance ({@code mcp_sessions_active}). */
  public int localCount() {
    return cache.size();
  }

  private void touchIfDue(LocalSession session, long now) {
    if (now - session.lastTouchNanos() < touchIntervalNanos) {
      return;
    }
    session.touched(now);
    store.touch(session.id()).onComplete(ar -> {
      if (ar.succeeded() && !ar.result()) {
        session.terminate();
        cache.remove(session.id(), session);
      }
    });
  }

  private void sweep() {
    long now = nanoTime.getAsLong();
    cache.values().removeIf(s -> {
      if (s.terminated() || now - s.lastSeenNanos() > ttlNanos) {
        s.terminate();
        return true;
      }
      return false;
    });
  }
}
