package dev.switchboard.session.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.session.ExpiredSession;
import dev.switchboard.session.SessionRecord;
import dev.switchboard.session.SessionStoreOptions;
import dev.switchboard.session.TestRedis;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two stores on one Redis and key prefix, as two gateway instances: a session whose key expired is reported by
 * exactly one of them, with its backend sessions; a deleted or still used session is not reported.
 */
class RedisExpiryTest {
  private static final Duration TTL = Duration.ofMillis(300);
  private static final Map<String, String> BACKENDS = Map.of("alpha", "s-1");

  private final Vertx vertx = Vertx.vertx();
  private final String prefix = TestRedis.newKeyPrefix();
  private final List<ExpiredSession> expired = new CopyOnWriteArrayList<>();
  private RedisSessionStore first;
  private RedisSessionStore second;

  @BeforeEach
  void start() {
    first = store();
    second = store();
  }

  private RedisSessionStore store() {
    RedisSessionStore store = new RedisSessionStore(vertx, new SessionStoreOptions(SessionStoreOptions.REDIS, TTL,
      Duration.ofHours(1), TestRedis.url(), prefix));
    store.onExpired(expired::add);
    return store;
  }

  @AfterEach
  void stop() throws Exception {
    first.close().await();
    second.close().await();
    TestRedis.deleteKeys(vertx, TestRedis.url(), prefix).await(10, TimeUnit.SECONDS);
    vertx.close().await();
  }

  private String activeSession() {
    String id = "s" + System.nanoTime();
    SessionRecord record = SessionRecord.pending(id, "2025-11-25", "anonymous", "anonymous", null, null, 0L);
    first.create(record).await();
    first.update(record.activated("fp", BACKENDS)).await();
    return id;
  }

  private void sweepBothAfter(Duration wait) throws Exception {
    vertx.timer(wait.toMillis()).await(10, TimeUnit.SECONDS);
    Future.all(first.sweepExpired(), second.sweepExpired()).await(10, TimeUnit.SECONDS);
    Future.all(first.sweepExpired(), second.sweepExpired()).await(10, TimeUnit.SECONDS);
  }

  @Test
  void expiredSessionIsReportedByExactlyOneInstance() throws Exception {
    String id = activeSession();

    sweepBothAfter(TTL.plusMillis(200));

    assertThat(expired).containsExactly(new ExpiredSession(id, BACKENDS));
  }

  @Test
  void deletedSessionIsNotReported() throws Exception {
    String id = activeSession();
    assertThat(second.delete(id).await()).isTrue();

    sweepBothAfter(TTL.plusMillis(200));

    assertThat(expired).isEmpty();
  }

  @Test
  void sessionKeptAliveIsNotReported() throws Exception {
    String id = activeSession();
    for (int i = 0; i < 4; i++) {
      vertx.timer(TTL.toMillis() / 2).await(10, TimeUnit.SECONDS);
      assertThat(second.touch(id).await()).isTrue();
      Future.all(first.sweepExpired(), second.sweepExpired()).await(10, TimeUnit.SECONDS);
    }

    assertThat(expired).isEmpty();
  }

  @Test
  void moreExpiredSessionsThanOneBatchAreEachReportedOnceInOneSweep() throws Exception {
    int sessions = 300;
    for (int chunk = 0; chunk < sessions / 20; chunk++) {
      List<Future<Boolean>> created = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        SessionRecord record = SessionRecord.pending("s" + chunk + "-" + i + "-" + System.nanoTime(), "2025-11-25",
          "anonymous", "anonymous", null, null, 0L);
        created.add(first.create(record));
      }
      Future.all(created).await(10, TimeUnit.SECONDS);
    }

    vertx.timer(TTL.toMillis() + 200).await(10, TimeUnit.SECONDS);
    Future.all(first.sweepExpired(), second.sweepExpired()).await(30, TimeUnit.SECONDS);

    assertThat(expired).hasSize(sessions);
    assertThat(expired.stream().map(ExpiredSession::id).distinct()).hasSize(sessions);
  }
}
