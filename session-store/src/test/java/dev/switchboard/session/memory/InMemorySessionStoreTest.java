package dev.switchboard.session.memory;

import dev.switchboard.session.SessionStore;
import dev.switchboard.session.SessionStoreContract;
import dev.switchboard.session.SessionStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** The contract on the in-memory store, on a hand-moved clock that starts just before {@code long} overflow. */
class InMemorySessionStoreTest extends SessionStoreContract {

  private final AtomicLong clock = new AtomicLong(Long.MAX_VALUE - Duration.ofSeconds(45).toNanos());

  @Override
  protected SessionStore newStore(Vertx vertx) {
    SessionStoreOptions options = new SessionStoreOptions(SessionStoreOptions.MEMORY, Duration.ofSeconds(60),
      Duration.ofHours(1), null, null);
    return new InMemorySessionStore(vertx, options, clock::get);
  }

  @Override
  protected Future<Void> letTimePass(Duration time) {
    clock.addAndGet(time.toNanos());
    return Future.succeededFuture();
  }
}
