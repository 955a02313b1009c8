package dev.switchboard.session.memory;

import dev.switchboard.session.ExpiredSession;
import dev.switchboard.session.SessionRecord;
import dev.switchboard.session.SessionStore;
import dev.switchboard.session.SessionStoreException;
import dev.switchboard.session.SessionStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A {@link SessionStore} for one gateway instance: a concurrent map of session id to record and expiry time.
 *
 * <p>Every read, touch, update or create restarts the record's TTL. An expired record is invisible as soon as its time
 * has passed (checked on every access); a periodic sweeper ({@link SessionStoreOptions#sweepInterval()}) frees its
 * memory and reports it to the {@link #onExpired} handler (a record removed while expired, by the sweeper or by a
 * delete, is reported exactly once). All methods are thread-safe, never block, never throw, and return completed
 * futures (a null argument fails the future with {@link NullPointerException}). Records are copied in and out, so a caller that changes a record's
 * JSON never changes the stored one (as with a store that serializes).
 */
public final class InMemorySessionStore implements SessionStore {

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Claim> claims = new ConcurrentHashMap<>();
  private final Vertx vertx;
  private final Duration ttl;
  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private final long sweeperId;
  private volatile boolean closed;
  private volatile Consumer<ExpiredSession> expired = session -> { };

  /** A store on the system clock. */
  public InMemorySessionStore(Vertx vertx, SessionStoreOptions options) {
    this(vertx, options, System::nanoTime);
  }

  /**
   * A store on the given clock.
   *
   * @param nanoTime a monotonic clock in nanoseconds, like {@link System#nanoTime()}; tests move it by hand
   * @throws IllegalArgumentException when the TTL or the sweep interval is shorter than a millisecond
   */
  public InMemorySessionStore(Vertx vertx, SessionStoreOptions options, LongSupplier nanoTime) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.ttl = requireMillis(options.ttl(), "sessions.ttl");
    this.ttlNanos = ttl.toNanos();
    long sweepMillis = requireMillis(options.sweepInterval(), "sessions.sweepInterval").toMillis();
    this.sweeperId = vertx.setPeriodic(sweepMillis, id -> sweep());
  }

  @Override
  public Future<Boolean> create(SessionRecord record) {
    return run(() -> {
      long now = nanoTime.getAsLong();
      Entry fresh = new Entry(copy(record), now + ttlNanos);
      Entry kept = entries.compute(record.id(), (id, old) -> old == null || old.expiredAt(now) ? fresh : old);
      return kept == fresh;
    });
  }

  @Override
  public Future<Boolean> update(SessionRecord record) {
    return run(() -> {
      long now = nanoTime.getAsLong();
      Entry fresh = new Entry(copy(record), now + ttlNanos);
      Entry[] dropped = new Entry[1];
      Entry kept = entries.computeIfPresent(record.id(), (id, old) -> {
        if (old.expiredAt(now)) {
          dropped[0] = old;
          return null;
        }
        return fresh;
      });
      if (dropped[0] != null) {
        reportExpired(dropped[0]);
      }
      return kept == fresh;
    });
  }

  @Override
  public Future<SessionRecord> get(String id) {
    return run(() -> {
      Entry entry = slide(id);
      return entry == null ? null : copy(entry.record());
    });
  }

  @Override
  public Future<Boolean> touch(String id) {
    return run(() -> slide(id) != null);
  }

  @Override
  public Future<Boolean> delete(String id) {
    return run(() -> {
      long now = nanoTime.getAsLong();
      Entry old = entries.remove(Objects.requireNonNull(id, "id"));
      if (old != null && old.expiredAt(now)) {
        reportExpired(old);
      }
      return old != null && !old.expiredAt(now);
    });
  }

  @Override
  public Future<Boolean> claim(String id, Duration hold) {
    return run(() -> {
      long now = nanoTime.getAsLong();
      Claim fresh = new Claim(now + hold.toNanos());
      Claim kept = claims.compute(Objects.requireNonNull(id, "id"),
        (key, old) -> old == null || old.until() - now <= 0 ? fresh : old);
      return kept == fresh;
    });
  }

  @Override
  public void onExpired(Consumer<ExpiredSession> handler) {
    this.expired = Objects.requireNonNull(handler, "handler");
  }

  private void reportExpired(Entry entry) {
    try {
      expired.accept(new ExpiredSession(entry.record().id(), entry.record().backendSessions()));
    } catch (RuntimeException e) {
      System.getLogger(InMemorySessionStore.class.getName()).log(System.Logger.Level.WARNING,
        "expired-session handler failed: {0}", e.toString());
    }
  }

  @Override
  public Duration ttl() {
    return ttl;
  }

  @Override
  public Future<Void> close() {
    closed = true;
    vertx.cancelTimer(sweeperId);
    entries.clear();
    return Future.succeededFuture();
  }

  /** Drops every expired record; returns how many. Runs on the sweeper's timer. */
  int sweep() {
    long now = nanoTime.getAsLong();
    int removed = 0;
    for (Map.Entry<String, Entry> e : entries.entrySet()) {
      // remove(key, value) leaves a record alone that was re-created after this scan read it
      if (e.getValue().expiredAt(now) && entries.remove(e.getKey(), e.getValue())) {
        removed++;
        reportExpired(e.getValue());
      }
    }
    claims.values().removeIf(claim -> claim.until() - now <= 0);
    return removed;
  }

  /** The sweeper's timer. */
  long sweeperId() {
    return sweeperId;
  }

  /** Records held, expired or not. */
  int size() {
    return entries.size();
  }

  private Entry slide(String id) {
    long now = nanoTime.getAsLong();
    Entry[] dropped = new Entry[1];
    Entry slid = entries.computeIfPresent(Objects.requireNonNull(id, "id"), (key, old) -> {
      if (old.expiredAt(now)) {
        dropped[0] = old;
        return null;
      }
      return new Entry(old.record(), now + ttlNanos);
    });
    if (dropped[0] != null) {
      reportExpired(dropped[0]);
    }
    return slid;
  }

  private static SessionRecord copy(SessionRecord r) {
    return new SessionRecord(r.id(), r.state(), r.protocolVersion(), r.issuer(), r.subject(), r.clientInfo().copy(),
      r.clientCapabilities().copy(), r.viewFingerprint(), r.backendSessions(), r.logLevel(), r.createdAt());
  }

  /** Runs one operation; a closed store or a bad argument gives a failed future, never an exception. */
  private <T> Future<T> run(Supplier<T> operation) {
    if (closed) {
      return Future.failedFuture(new SessionStoreException("session store is closed", null));
    }
    try {
      return Future.succeededFuture(operation.get());
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private static Duration requireMillis(Duration d, String key) {
    if (d.toMillis() < 1) {
      throw new IllegalArgumentException(key + ": must be at least 1 ms, was " + d);
    }
    return d;
  }

  /** A record and the {@link System#nanoTime()} at which it expires. */
  private record Entry(SessionRecord record, long expiresAt) {
    boolean expiredAt(long now) {
      return now - expiresAt >= 0;
    }
  }

  /** A claim held until {@code until} (nanoTime); compared by identity. */
  private record Claim(long until) {
  }
}
