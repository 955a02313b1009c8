package dev.switchboard.core.fairness;

import dev.switchboard.core.backend.BackendException;
import dev.switchboard.core.protocol.RequestIdKey;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The requests each client session has running: how many, in all and per backend, and which backend runs each
 * request id (so that a client's {@code notifications/cancelled} reaches it). Refuses one more at once (a
 * {@link BackendException} of kind {@code BUSY}) beyond {@code maxPerSession}, or beyond the session's share of the
 * backend's connection pool ({@code sharePercent} of its size, at least one), and refuses an id already running in
 * the session. Thread-safe: shared by every core verticle of the process. A session with nothing running holds no
 * entry.
 */
public final class CallPermits {
  private static final int TAKEN = 0;
  private static final int SESSION_FULL = 1;
  private static final int SHARE_FULL = 2;
  private static final int ID_IN_USE = 3;

  private final int maxPerSession;
  private final int sharePercent;
  /** Per session, one entry holding all it has running, so that a permit costs one map update each way. */
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
   * @param requestId the client's request id (a string or a number), or null for a request without one
   * @throws BackendException      {@code BUSY} when the session has too many requests running
   * @throws IllegalStateException when a request with this id already runs in the session
   */
  public Permit acquire(String sessionId, Object requestId, String backend, int poolSize) {
    int share = share(poolSize);
    String idKey = requestId == null ? null : RequestIdKey.of(requestId);
    int[] outcome = {TAKEN};
    running.compute(sessionId, (k, held) -> {
      Running now = held == null ? new Running() : held;
      outcome[0] = now.take(backend, idKey, maxPerSession, share);
      return outcome[0] == TAKEN ? now : held;
    });
    switch (outcome[0]) {
      case SESSION_FULL -> throw new BackendException(backend, BackendException.Kind.BUSY, "session has "
        + maxPerSession + " requests running (limits.maxConcurrentRequestsPerSession)");
      case SHARE_FULL -> throw new BackendException(backend, BackendException.Kind.BUSY, "session has " + share
        + " requests running on this backend (limits.backendSharePerSession)");
      case ID_IN_USE -> throw new IllegalStateException("request id already in use in this session");
      default -> {
        return new Permit(sessionId, backend, idKey);
      }
    }
  }

  /** Requests of one session running now. */
  public int running(String sessionId) {
    Running counts = running.get(sessionId);
    return counts == null ? 0 : counts.total;
  }

  /** The backend running the session's request with this id, or null when none runs here. */
  public String backendOf(String sessionId, Object requestId) {
    String idKey = RequestIdKey.of(requestId);
    String[] backend = {null};
    running.computeIfPresent(sessionId, (k, counts) -> {
      backend[0] = counts.backendOf(idKey);
      return counts;
    });
    return backend[0];
  }

  /** Sessions with at least one request running (the others hold no entry). */
  int sessionsRunning() {
    return running.size();
  }

  /**
   * One session's requests. Changed and read only inside the map's {@code compute} functions, which lock the
   * session's entry; {@link #total} is volatile for {@link #running(String)}, which reads it outside.
   */
  private static final class Running {
    private final Map<String, Integer> perBackend = new HashMap<>(4);
    /** Request id key to backend; null until the session runs a request with an id. */
    private Map<String, String> ids;
    private volatile int total;

    int take(String backend, String idKey, int maxPerSession, int share) {
      if (total >= maxPerSession) {
        return SESSION_FULL;
      }
      int onBackend = perBackend.getOrDefault(backend, 0);
      if (onBackend >= share) {
        return SHARE_FULL;
      }
      if (idKey != null) {
        if (ids == null) {
          ids = new HashMap<>(4);
        }
        if (ids.putIfAbsent(idKey, backend) != null) {
          return ID_IN_USE;
        }
      }
      perBackend.put(backend, onBackend + 1);
      total = total + 1;
      return TAKEN;
    }

    String backendOf(String idKey) {
      return ids == null ? null : ids.get(idKey);
    }

    /** False when nothing is left running. */
    boolean give(String backend, String idKey) {
      if (idKey != null) {
        ids.remove(idKey);
      }
      perBackend.computeIfPresent(backend, (k, held) -> held <= 1 ? null : held - 1);
      total = total - 1;
      return total > 0;
    }
  }

  /** One running request's permit; {@link #release()} is idempotent. */
  public final class Permit {
    private final String sessionId;
    private final String backend;
    private final String idKey;
    private final AtomicBoolean released = new AtomicBoolean();

    private Permit(String sessionId, String backend, String idKey) {
      this.sessionId = sessionId;
      this.backend = backend;
      this.idKey = idKey;
    }

    public void release() {
      if (released.compareAndSet(false, true)) {
        running.computeIfPresent(sessionId, (k, counts) -> counts.give(backend, idKey) ? counts : null);
      }
    }
  }
}
