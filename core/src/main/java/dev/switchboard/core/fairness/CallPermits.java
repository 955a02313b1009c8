package dev.switchboard.core.fairness;

import dev.switchboard.core.backend.BackendException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Counts the requests each client session has running, in all and per backend, and refuses one more at once (a
 * {@link BackendException} of kind {@code BUSY}) beyond {@code maxPerSession}, or beyond the session's share of the
 * backend's connection pool ({@code sharePercent} of its size, at least one). Thread-safe: shared by every core
 * verticle of the process. Counters of sessions with nothing running are dropped.
 */
public final class CallPermits {
  private final int maxPerSession;
  private final int sharePercent;
  private final ConcurrentHashMap<String, Integer> perSession = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<SessionBackend, Integer> perBackend = new ConcurrentHashMap<>();

  public CallPermits(int maxPerSession, int sharePercent) {
    this.maxPerSession = maxPerSession;
    this.sharePercent = sharePercent;
  }

  /** How many of a pool of {@code poolSize} connections one session may use at once. */
  public int share(int poolSize) {
    return Math.max(1, (int) ((long) poolSize * sharePercent / 100));
  }

  /**
   * Takes a permit for one request of {@code sessionId} to {@code backend}.
   *
   * @throws BackendException {@code BUSY} when the session has too many requests running
   */
  public Permit acquire(String sessionId, String backend, int poolSize) {
    if (!increment(perSession, sessionId, maxPerSession)) {
      throw new BackendException(backend, BackendException.Kind.BUSY, "session has " + maxPerSession
        + " requests running (limits.maxConcurrentRequestsPerSession)");
    }
    SessionBackend key = new SessionBackend(sessionId, backend);
    int share = share(poolSize);
    if (!increment(perBackend, key, share)) {
      decrement(perSession, sessionId);
      throw new BackendException(backend, BackendException.Kind.BUSY, "session has " + share
        + " requests running on this backend (limits.backendSharePerSession)");
    }
    return new Permit(sessionId, key);
  }

  /** Requests of one session running now. */
  public int running(String sessionId) {
    return perSession.getOrDefault(sessionId, 0);
  }

  private static <K> boolean increment(ConcurrentHashMap<K, Integer> counts, K key, int max) {
    AtomicBoolean taken = new AtomicBoolean();
    counts.compute(key, (k, held) -> {
      int current = held == null ? 0 : held;
      if (current >= max) {
        return held;
      }
      taken.set(true);
      return current + 1;
    });
    return taken.get();
  }

  private static <K> void decrement(ConcurrentHashMap<K, Integer> counts, K key) {
    counts.computeIfPresent(key, (k, held) -> held <= 1 ? null : held - 1);
  }

  private record SessionBackend(String sessionId, String backend) {
  }

  /** One running request's permit; {@link #release()} is idempotent. */
  public final class Permit {
    private final String sessionId;
    private final SessionBackend key;
    private final AtomicBoolean released = new AtomicBoolean();

    private Permit(String sessionId, SessionBackend key) {
      this.sessionId = sessionId;
      this.key = key;
    }

    public void release() {
      if (released.compareAndSet(false, true)) {
        decrement(perBackend, key);
        decrement(perSession, sessionId);
      }
    }
  }
}
