package dev.switchboard.session.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.session.SessionRecord;
import dev.switchboard.session.SessionStoreOptions;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The in-memory store's sweeper frees expired records and leaves live ones. */
class InMemorySweeperTest {

  private static final Duration TTL = Duration.ofMinutes(1);

  private final Vertx vertx = Vertx.vertx();
  private final AtomicLong clock = new AtomicLong();
  private InMemorySessionStore store;

  @AfterEach
  void close() {
    store.close().compose(v -> vertx.close()).await();
  }

  @Test
  void sweeperRemovesExpiredRecordsOnItsTimer() throws InterruptedException {
    store = storeSweepingEvery(Duration.ofMillis(20));
    store.create(record("a")).await();
    store.create(record("b")).await();
    clock.addAndGet(TTL.plusMillis(1).toNanos());

    assertThat(store.size()).isEqualTo(2);
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (store.size() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(store.size()).isZero();
  }

  @Test
  void sweepKeepsLiveRecords() {
    store = storeSweepingEvery(Duration.ofHours(1));
    store.create(record("old")).await();
    clock.addAndGet(TTL.dividedBy(2).toNanos());
    store.create(record("young")).await();
    clock.addAndGet(TTL.dividedBy(2).toNanos());

    assertThat(store.sweep()).isEqualTo(1);
    assertThat(store.size()).isEqualTo(1);
    assertThat(store.get("young").await()).isNotNull();
  }

  @Test
  void closeCancelsSweeper() {
    store = storeSweepingEvery(Duration.ofMillis(20));
    store.close().await();

    assertThat(vertx.cancelTimer(store.sweeperId())).isFalse();
  }

  private InMemorySessionStore storeSweepingEvery(Duration interval) {
    return new InMemorySessionStore(vertx, new SessionStoreOptions(null, TTL, interval, null, null), clock::get);
  }

  private static SessionRecord record(String id) {
    return SessionRecord.pending(id, "2025-11-25", "anonymous", "anonymous", null, null, 0L);
  }
}
