package dev.switchboard.session.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.session.EmbeddedRedis;
import dev.switchboard.session.SessionRecord;
import dev.switchboard.session.SessionStoreException;
import dev.switchboard.session.SessionStoreOptions;
import dev.switchboard.session.TestRedis;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The same store object fails while its Redis is down and works again once Redis is back on the same port. */
class RedisRecoveryTest {

  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(1);

  private final Vertx vertx = Vertx.vertx();
  private EmbeddedRedis redis;
  private RedisSessionStore store;

  @AfterEach
  void tearDown() {
    if (store != null) {
      store.close().await();
    }
    if (redis != null) {
      redis.close();
    }
    vertx.close().await();
  }

  @Test
  void storeRecoversWhenRedisComesBack() {
    redis = TestRedis.startEmbedded();
    store = new RedisSessionStore(vertx, new SessionStoreOptions(SessionStoreOptions.REDIS, Duration.ofMinutes(1),
      null, redis.url(), TestRedis.newKeyPrefix()),
      new RedisStoreOptions(2, 8, null, COMMAND_TIMEOUT, null, null, null));
    SessionRecord before = record("before");
    SessionRecord after = record("after");
    assertThat(await(store.create(before))).isTrue();

    redis.stop();
    long start = System.nanoTime();
    assertThatThrownBy(() -> await(store.get(before.id()))).isInstanceOf(SessionStoreException.class);
    assertThatThrownBy(() -> await(store.create(after))).isInstanceOf(SessionStoreException.class);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
      .isLessThan(2 * COMMAND_TIMEOUT.toMillis() + 500);

    redis.start();
    assertThat(await(store.create(after))).isTrue();
    assertThat(await(store.get(after.id()))).isEqualTo(after);
  }

  private static SessionRecord record(String id) {
    return SessionRecord.pending(id, "2025-11-25", "anonymous", "anonymous", null, null, 0L);
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.await(10, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("the store did not answer within 10 s", e);
    }
  }
}
