package dev.switchboard.session.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.session.EmbeddedRedis;
import dev.switchboard.session.SessionSignals;
import dev.switchboard.session.SessionSignals.Signal;
import dev.switchboard.session.SessionStoreException;
import dev.switchboard.session.SessionStoreOptions;
import dev.switchboard.session.TestRedis;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import java.util.function.BooleanSupplier;

/**
 * Two instances subscribed to a redis-server of their own that is stopped and started again on the same port: both
 * notice, reconnect by themselves with a bounded backoff, subscribe again, tell their handler that signals may have
 * been missed, and receive what is published afterwards.
 */
class RedisSignalsRecoveryTest {

  private static final Duration MAX_BACKOFF = Duration.ofSeconds(1);
  private static final long WAIT_MILLIS = 10_000;

  private final Vertx vertx = Vertx.vertx();
  private final String keyPrefix = TestRedis.newKeyPrefix();
  private EmbeddedRedis redis;
  private RedisSessionSignals first;
  private RedisSessionSignals second;

  @AfterEach
  void tearDown() {
    for (RedisSessionSignals signals : new RedisSessionSignals[] {first, second}) {
      if (signals != null) {
        await(signals.close());
      }
    }
    if (redis != null) {
      redis.close();
    }
    vertx.close().await();
  }

  @Test
  void instancesResubscribeWhenRedisComesBack() {
    redis = TestRedis.startEmbedded();
    first = open();
    second = open();
    SignalInbox atFirst = new SignalInbox();
    SignalInbox atSecond = new SignalInbox();
    first.handler(atFirst);
    second.handler(atSecond);
    await(first.subscribed());
    await(second.subscribed());

    redis.stop();
    assertThatThrownBy(() -> await(first.publish(signal("while-down"))))
      .isInstanceOf(SessionStoreException.class);
    waitUntil(() -> !first.isSubscribed() && !second.isSubscribed());

    redis.start();
    await(first.subscribed());
    await(second.subscribed());
    atFirst.await(SignalInbox.of(null, SessionSignals.MISSED), WAIT_MILLIS);
    atSecond.await(SignalInbox.of(null, SessionSignals.MISSED), WAIT_MILLIS);

    await(second.publish(signal("after-restart")));
    atFirst.await(SignalInbox.of("after-restart", "deleted"), WAIT_MILLIS);
    atSecond.await(SignalInbox.of("after-restart", "deleted"), WAIT_MILLIS);
  }

  @Test
  void instanceStartedWhileRedisIsDownSubscribesOnceItIsUp() throws Exception {
    int port = TestRedis.freePort();
    first = new RedisSessionSignals(vertx, options("redis://127.0.0.1:" + port), redisOptions(),
      Duration.ofMillis(50), MAX_BACKOFF);
    SignalInbox inbox = new SignalInbox();
    first.handler(inbox);
    waitUntil(() -> first.failedAttempts() >= 2);
    assertThat(first.isSubscribed()).isFalse();

    redis = TestRedis.startEmbeddedOn(port);
    await(first.subscribed());
    await(first.publish(signal("late")));

    inbox.await(SignalInbox.of("late", "deleted"), WAIT_MILLIS);
    assertThat(inbox.received()).extracting(Signal::type).doesNotContain(SessionSignals.MISSED);
  }

  private RedisSessionSignals open() {
    return new RedisSessionSignals(vertx, options(redis.url()), redisOptions(), Duration.ofMillis(50), MAX_BACKOFF);
  }

  private SessionStoreOptions options(String url) {
    return new SessionStoreOptions(SessionStoreOptions.REDIS, Duration.ofMinutes(1), null, url, keyPrefix);
  }

  private static RedisStoreOptions redisOptions() {
    return new RedisStoreOptions(2, 8, null, Duration.ofSeconds(1), null, null, null);
  }

  private static Signal signal(String sessionId) {
    return new Signal(sessionId, "deleted", new JsonObject());
  }

  private static void waitUntil(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + WAIT_MILLIS + " ms");
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.await(WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("no answer within " + WAIT_MILLIS + " ms", e);
    }
  }
}
