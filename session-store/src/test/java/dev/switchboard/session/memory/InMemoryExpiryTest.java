package dev.switchboard.session.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.session.ExpiredSession;
import dev.switchboard.session.SessionRecord;
import dev.switchboard.session.SessionStoreOptions;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The in-memory store reports each session whose TTL ran out exactly once, with its backend sessions. */
class InMemoryExpiryTest {
  private static final Duration TTL = Duration.ofMinutes(1);
  private static final Map<String, String> BACKENDS = Map.of("alpha", "s-1", "beta", "s-2");

  private final Vertx vertx = Vertx.vertx();
  private final AtomicLong clock = new AtomicLong();
  private final List<ExpiredSession> expired = new CopyOnWriteArrayList<>();
  private InMemorySessionStore store;

  @BeforeEach
  void start() {
    store = new InMemorySessionStore(vertx, new SessionStoreOptions(null, TTL, Duration.ofHours(1), null, null),
      clock::get);
    store.onExpired(expired::add);
  }

  @AfterEach
  void close() {
    store.close().compose(v -> vertx.close()).await();
  }

  private void activeSession(String id) {
    SessionRecord record = SessionRecord.pending(id, "2025-11-25", "anonymous", "anonymous", null, null, 0L);
    store.create(record).await();
    store.update(record.activated("fp", BACKENDS)).await();
  }

  private void expire() {
    clock.addAndGet(TTL.plusMillis(1).toNanos());
  }

  @Test
  void sweptSessionIsReportedOnceWithItsBackendSessions() {
    activeSession("a");
    expire();

    store.sweep();
    store.sweep();

    assertThat(expired).containsExactly(new ExpiredSession("a", BACKENDS));
  }

  @Test
  void deletedSessionIsNotReported() {
    activeSession("a");
    assertThat(store.delete("a").await()).isTrue();
    expire();

    store.sweep();

    assertThat(expired).isEmpty();
  }

  @Test
  void expiredSessionDeletedBeforeTheSweepIsReportedOnce() {
    activeSession("a");
    expire();

    assertThat(store.delete("a").await()).isFalse();
    store.sweep();

    assertThat(expired).containsExactly(new ExpiredSession("a", BACKENDS));
  }

  @Test
  void expiredSessionReadBeforeTheSweepIsReportedOnce() {
    activeSession("a");
    expire();

    assertThat(store.get("a").await()).isNull();
    assertThat(store.touch("a").await()).isFalse();
    store.sweep();

    assertThat(expired).containsExactly(new ExpiredSession("a", BACKENDS));
  }

  @Test
  void usedSessionIsNotReported() {
    activeSession("a");
    clock.addAndGet(TTL.dividedBy(2).toNanos());
    store.touch("a").await();
    clock.addAndGet(TTL.dividedBy(2).toNanos());

    store.sweep();

    assertThat(expired).isEmpty();
  }
}
