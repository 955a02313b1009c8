package dev.switchboard.transport.session;

import dev.switchboard.core.bus.ClientSession;
import dev.switchboard.core.bus.CloseSession;
import dev.switchboard.core.bus.CoreBus;
import dev.switchboard.core.bus.Identity;
import dev.switchboard.core.bus.SessionContext;
import dev.switchboard.core.catalog.CapabilityView;
import dev.switchboard.session.EventLog;
import dev.switchboard.session.ExpiredSession;
import dev.switchboard.session.SessionRecord;
import dev.switchboard.session.SessionSignals;
import dev.switchboard.session.SessionStore;
import dev.switchboard.transport.limits.LimitsOptions;
import dev.switchboard.transport.limits.SessionQuota;
import dev.switchboard.transport.observe.EndpointObserver;
import dev.switchboard.transport.stateless.InstanceLink;
import dev.switchboard.transport.streamable.SessionIds;
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
public final class SessionManager {
  private static final System.Logger LOG = System.getLogger(SessionManager.class.getName());

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
  private final SessionQuota quota;
  private final ConcurrentHashMap<String, SessionQuota.Lease> leases = new ConcurrentHashMap<>();
  private final PendingTimeout pendingTimeout;
  private final EndpointObserver observer;

  public SessionManager(Vertx vertx, SessionStore store, EventLog events, SessionSignals signals, CoreBus core,
                          Duration registrationTimeout) {
    this(vertx, store, events, signals, core, registrationTimeout, new SessionQuota(LimitsOptions.defaults()));
  }

  /** @param quota bounds the sessions this instance issues (see {@link SessionQuota}) */
  public SessionManager(Vertx vertx, SessionStore store, EventLog events, SessionSignals signals, CoreBus core,
                          Duration registrationTimeout, SessionQuota quota) {
    this(vertx, store, events, signals, core, registrationTimeout, System::nanoTime, quota);
  }

  SessionManager(Vertx vertx, SessionStore store, EventLog events, SessionSignals signals, CoreBus core,
                   Duration registrationTimeout, LongSupplier nanoTime) {
    this(vertx, store, events, signals, core, registrationTimeout, nanoTime,
      new SessionQuota(LimitsOptions.defaults()));
  }

  private SessionManager(Vertx vertx, SessionStore store, EventLog events, SessionSignals signals, CoreBus core,
                           Duration registrationTimeout, LongSupplier nanoTime, SessionQuota quota) {
    this.quota = quota;
    this.pendingTimeout = new PendingTimeout(vertx, store, quota.pendingTimeout(), registrationTimeout);
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
    store.onExpired(this::expired);
    this.observer = EndpointObserver.of(vertx);
  }

  /** Phase 1: issues a session id and stores the pending record. */
  public Future<LocalSession> create(Identity identity, String protocolVersion, JsonObject clientInfo,
                                     JsonObject clientCapabilities) {
    SessionQuota.Lease lease;
    try {
      lease = quota.acquire(identity, clientInfo, clientCapabilities);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    SessionRecord record = SessionRecord.pending(SessionIds.generate(), protocolVersion, identity.issuer(),
      identity.subject(), clientInfo, clientCapabilities, System.currentTimeMillis());
    return store.create(record).compose(created -> {
      if (!created) {
        lease.release();
        return Future.failedFuture(new IllegalStateException("session id collision"));
      }
      LocalSession session = new LocalSession(record, nanoTime.getAsLong());
      leases.put(record.id(), lease);
      session.onTerminate(() -> leases.remove(record.id(), lease));
      session.onTerminate(lease::release);
      cache.put(record.id(), session);
      pendingTimeout.watch(session, this::neverRegistered);
      observer.sessionOpened(session.client());
      return Future.succeededFuture(session);
    }).onFailure(err -> lease.release());
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
    registrar.register(session).onSuccess(context -> registered(session)).onComplete(promise);
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

  /**
   * Attaches a view recomputed by core after a backend's list changed, or a backend went down or came back; with the
   * session's new backend sessions when they changed (null: unchanged).
   */
  public void viewChanged(LocalSession session, CapabilityView view,
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

  /** Messages to the other instances that share the store, on its signals (e.g. stateless retries). */
  public InstanceLink instanceLink() {
    return invalidation.link();
  }

  /** Terminates a session: deletes its record, closes its backend sessions, forgets it locally. */
  public Future<Void> delete(String id, Identity identity) {
    return find(id, identity).compose(session -> store.delete(id).compose(existed -> {
      session.terminate();
      cache.remove(id, session);
      observer.sessionClosed(session.client());
      SessionContext context = session.contextIfReady();
      if (context != null && existed) {
        core.close(new CloseSession(context));
      }
      invalidation.deleted(id);
      events.delete(id).onFailure(err -> LOG.log(System.Logger.Level.DEBUG, "event log of a deleted session: {0}",
        err.getMessage()));
      return existed ? Future.succeededFuture() : Future.failedFuture(SessionFailure.notFound());
    }));
  }

  /**
   * A session's TTL ran out (reported once across instances by the store): its backend sessions are closed as an
   * explicit DELETE would close them, and this instance forgets it.
   */
  private void expired(ExpiredSession expired) {
    LocalSession session = cache.remove(expired.id());
    if (session != null) {
      session.terminate();
    }
    if (!expired.backendSessions().isEmpty()) {
      ClientSession client = new ClientSession(expired.id(), Identity.ANONYMOUS, null, null, null);
      core.close(new CloseSession(new SessionContext(client, expired.backendSessions(), null)));
    }
    invalidation.deleted(expired.id());
    events.delete(expired.id()).onFailure(err -> LOG.log(System.Logger.Level.DEBUG,
      "event log of an expired session: {0}", err.getMessage()));
  }

  /** A pending session ended by {@link PendingTimeout}: its record is already deleted. */
  private void neverRegistered(LocalSession session) {
    cache.remove(session.id(), session);
    session.terminate();
    invalidation.deleted(session.id());
    events.delete(session.id()).onFailure(err -> LOG.log(System.Logger.Level.DEBUG,
      "event log of an unregistered session: {0}", err.getMessage()));
  }

  private void registered(LocalSession session) {
    SessionQuota.Lease lease = leases.get(session.id());
    if (lease != null) {
      lease.registered();
    }
  }

  /** The quota of the sessions this instance issues. */
  public SessionQuota quota() {
    return quota;
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
