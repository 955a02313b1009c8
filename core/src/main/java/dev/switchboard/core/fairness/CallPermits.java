package dev.switchboard.core.fairness;

import dev.switchboard.core.backend.BackendException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Counts the requests each client session has running, in all and per backend, and refuses one more at once (a
 * {@link BackendException} of kind {@code BUSY}) beyond {@code maxPerSession}, or beyond the session's share of the
 * backend's connection pool ({@code sharePercent} of its size, at least one). Thread-safe: shared by every core
 * verticle of the process. Counters of sessions with nothing running are dropped.
 */
public final class CallPermits {
  private static final int TAKEN = 0;
  private static final int SESSION_FULL = 1;
  private static final int SHARE_FULL = 2;

  private final int maxPerSession;
  private final int sharePercent;
  /** Per session, one entry holding both counts, so that a permit costs one map update each way. */
  private final ConcurrentHashMap<String, Running> running = new ConcurrentHashMap<>();

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
    int share = share(poolSize);
    int[] outcome = {TAKEN};
    running.compute(sessionId, (k, held) -> {
      Running now = held == null ? new Running() : held;
      outcome[0] = now.take(backend, maxPerSession, share);
      return outcome[0] == TAKEN ? now : held;
    });
    if (outcome[0] == SESSION_FULL) {
      throw new BackendException(backend, BackendException.Kind.BUSY, "session has " + maxPerSession
        + " requests running (limits.maxConcurrentRequestsPerSession)");
    }
    if (outcome[0] == SHARE_FULL) {
      throw new BackendException(backend, BackendException.Kind.BUSY, "session has " + share
        + " requests running on this backend (limits.backendSharePerSession)");
    }
    return new Permit(sessionId, backend);
  }

  /** Requests of one session running now. */
  public int running(String sessionId) {
    Running counts = running.get(sessionId);
    return counts == null ? 0 : counts.total;
  }

  /** Sessions with at least one request running (the others hold no entry). */
  int sessionsRunning() {
    return running.size();
  }

  /**
   * One session's counts. Changed only inside the map's {@code compute} functions, which lock the session's entry;
   * {@link #total} is volatile for {@link #running(String)}, which reads it outside.
   */
  private static final class Running {
    private final Map<String, Integer> perBackend = new HashMap<>(4);
    private volatile int total;

    int take(String backend, int maxPerSession, int share) {
      if (total >= maxPerSession) {
        return SESSION_FULL;
      }
      int onBackend = perBackend.getOrDefault(backend, 0);
      if (onBackend >= share) {
        return SHARE_FULL;
      }
      perBackend.put(backend, onBackend + 1);
      total = total + 1;
      return TAKEN;
    }

    /** False when nothing is left running. */
    boolean give(String backend) {
      perBackend.computeIfPresent(backend, (k, held) -> held <= 1 ? null : held - 1);
      total = total - 1;
      return total > 0;
    }
  }

  /** One running request's permit; {@link #release()} is idempotent. */
  public final class Permit {
    private final String sessionId;
    private final String backend;
    private final AtomicBoolean released = new AtomicBoolean();

    private Permit(String sessionId, String backend) {
      this.sessionId = sessionId;
      this.backend = backend;
    }

    public void release() {
      if (released.compareAndSet(false, true)) {
        running.computeIfPresent(sessionId, (k, counts) -> counts.give(backend) ? counts : null);
      }
    }
  }
}
