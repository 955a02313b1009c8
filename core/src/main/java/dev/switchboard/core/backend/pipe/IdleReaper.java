package dev.switchboard.core.backend.pipe;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Closes the backend sessions of a pipe client that have had no call and no open stream for the idle timeout: a
 * client session that expires (rather than being deleted) never closes its backend sessions, and a stdio process or
 * an SSE connection must not outlive it forever. Runs every quarter of the timeout (1 s to 60 s).
 */
final class IdleReaper {
  private static final System.Logger LOG = System.getLogger(IdleReaper.class.getName());

  private final Vertx vertx;
  private final long timer;

  /**
   * @param idleIds the backend session ids idle since a {@code System.nanoTime()} cutoff
   * @param close   closes one backend session, as {@code BackendClient.close} does
   */
  IdleReaper(Vertx vertx, ContextHop hop, String backend, Duration idle, Function<Long, List<String>> idleIds,
             Function<String, Future<Void>> close) {
    this.vertx = vertx;
    long period = Math.max(1_000, Math.min(idle.toMillis() / 4, 60_000));
    this.timer = vertx.setPeriodic(period, id -> hop.run(() -> {
      List<String> idleNow = idleIds.apply(System.nanoTime() - idle.toNanos());
      if (!idleNow.isEmpty()) {
        LOG.log(Level.DEBUG, "backend ''{0}'': closing {1} idle sessions", backend, idleNow.size());
      }
      return Future.join(idleNow.stream().map(close).toList()).mapEmpty();
    }));
  }

  void stop() {
    vertx.cancelTimer(timer);
  }

  /** The ids of a per-session map (one pipe session per id) whose session is idle since the cutoff. */
  static List<String> idleIn(Map<String, PipeSession> sessions, long cutoffNanos) {
    return sessions.entrySet().stream()
      .filter(e -> e.getValue().idleSessions(cutoffNanos).contains(e.getKey()))
      .map(Map.Entry::getKey)
      .toList();
  }
}
