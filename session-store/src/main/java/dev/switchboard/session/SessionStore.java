package dev.switchboard.session;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Where sessions live between requests, possibly shared by many gateway instances. Every record expires
 * {@link #ttl()} after it was last written, read or touched (sliding TTL). All methods are non-blocking; a store that
 * cannot be reached fails the future with {@link SessionStoreException}.
 */
public interface SessionStore {

  /** Stores the record only if no record has its id. Completes with false when one exists. */
  Future<Boolean> create(SessionRecord record);

  /** Replaces the record only if one with its id exists. Completes with false when none does. */
  Future<Boolean> update(SessionRecord record);

  /** Reads a record and restarts its TTL. Completes with null when it is absent or expired. */
  Future<SessionRecord> get(String id);

  /** Restarts a record's TTL without reading it. Completes with false when it is absent. */
  Future<Boolean> touch(String id);

  /**
   * Deletes a record. Completes with true when it existed and this caller ended it; a session that had already
   * expired is reported to the {@link #onExpired} handler instead, so its backend sessions are closed exactly once.
   */
  Future<Boolean> delete(String id);

  /**
   * Claims the right to do something once per session across instances (e.g. registration): true for exactly one
   * caller until {@code hold} has passed.
   */
  Future<Boolean> claim(String id, Duration hold);

  /** Completes when the store answers (readiness probe). */
  default Future<Void> ping() {
    return get("switchboard-readiness-probe").mapEmpty();
  }

  /**
   * Sets the handler of sessions whose TTL ran out: each expired session is reported once across every instance
   * sharing the store (never for a session that was deleted). Stores without expiry tracking never call it.
   */
  default void onExpired(Consumer<ExpiredSession> handler) {
  }

  /** How long a record lives after its last use. */
  Duration ttl();

  /** Releases connections and timers. */
  Future<Void> close();
}
