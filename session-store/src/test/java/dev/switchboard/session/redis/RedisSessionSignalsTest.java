package dev.switchboard.session.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.session.SessionSignals.Signal;
import dev.switchboard.session.SessionStoreException;
import dev.switchboard.session.SessionStoreOptions;
import dev.switchboard.session.TestRedis;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import java.util.stream.IntStream;

/**
 * Two {@link RedisSessionSignals} on one Redis and key prefix stand for two gateway instances: each signal reaches
 * both, the publisher included; another key prefix is another deployment and hears nothing.
 */
class RedisSessionSignalsTest {

  private static final long WAIT_MILLIS = 5_000;

  private final Vertx vertx = Vertx.vertx();
  private final String keyPrefix = TestRedis.newKeyPrefix();
  private final List<RedisSessionSignals> opened = new ArrayList<>();

  @AfterEach
  void tearDown() {
    for (RedisSessionSignals signals : opened) {
      await(signals.close());
    }
    vertx.close().await();
  }

  @Test
  void bothInstancesReceiveASignalOneOfThemPublished() {
    RedisSessionSignals first = subscribed(keyPrefix);
    RedisSessionSignals second = subscribed(keyPrefix);
    SignalInbox atFirst = inbox(first);
    SignalInbox atSecond = inbox(second);
    JsonObject body = new JsonObject().put("reason", "DELETE").put("ids", new JsonArray().add(1).add("\u00e9"));

    await(first.publish(new Signal("session-1", "deleted", body)));

    assertThat(atFirst.await(SignalInbox.of("session-1", "deleted"), WAIT_MILLIS).body()).isEqualTo(body);
    assertThat(atSecond.await(SignalInbox.of("session-1", "deleted"), WAIT_MILLIS).body()).isEqualTo(body);
  }

  @Test
  void signalsFromOneInstanceArriveInOrder() {
    RedisSessionSignals first = subscribed(keyPrefix);
    RedisSessionSignals second = subscribed(keyPrefix);
    SignalInbox atSecond = inbox(second);

    for (int i = 0; i < 20; i++) {
      await(first.publish(new Signal("s-" + i, "notify", new JsonObject())));
    }

    atSecond.await(SignalInbox.of("s-19", "notify"), WAIT_MILLIS);
    assertThat(atSecond.received()).extracting(Signal::sessionId)
      .containsExactly(IntStream.range(0, 20).mapToObj(i -> "s-" + i).toArray(String[]::new));
  }

  @Test
  void anotherKeyPrefixHearsNothing() {
    RedisSessionSignals ours = subscribed(keyPrefix);
    RedisSessionSignals theirs = subscribed(TestRedis.newKeyPrefix());
    SignalInbox atOurs = inbox(ours);
    SignalInbox atTheirs = inbox(theirs);

    await(ours.publish(new Signal("session-1", "deleted", new JsonObject())));

    atOurs.await(SignalInbox.of("session-1", "deleted"), WAIT_MILLIS);
    assertThat(atTheirs.receives(s -> true, 300)).isFalse();
  }

  @Test
  void malformedMessageIsDroppedAndLaterSignalsArrive() {
    RedisSessionSignals signals = subscribed(keyPrefix);
    SignalInbox inbox = inbox(signals);
    Redis raw = Redis.createClient(vertx, TestRedis.url());
    try {
      await(raw.send(Request.cmd(Command.PUBLISH).arg(signals.channel()).arg("{not json")));
      await(raw.send(Request.cmd(Command.PUBLISH).arg(signals.channel()).arg("{\"sessionId\":\"x\"}")));
    } finally {
      await(raw.close());
    }

    await(signals.publish(new Signal("session-2", "cancel", new JsonObject().put("requestId", 7))));

    inbox.await(SignalInbox.of("session-2", "cancel"), WAIT_MILLIS);
    assertThat(inbox.received()).hasSize(1);
  }

  @Test
  void handlerFailureDoesNotStopDelivery() {
    RedisSessionSignals signals = subscribed(keyPrefix);
    SignalInbox inbox = new SignalInbox();
    signals.handler(signal -> {
      inbox.handle(signal);
      throw new IllegalStateException("handler bug");
    });

    await(signals.publish(new Signal("a", "notify", new JsonObject())));
    await(signals.publish(new Signal("b", "notify", new JsonObject())));

    inbox.await(SignalInbox.of("b", "notify"), WAIT_MILLIS);
    assertThat(signals.isSubscribed()).isTrue();
  }

  @Test
  void channelIsNamedByTheKeyPrefix() {
    assertThat(subscribed(keyPrefix).channel()).isEqualTo(keyPrefix + "signals");
  }

  @Test
  void closedInstanceReceivesNothing() {
    RedisSessionSignals first = subscribed(keyPrefix);
    RedisSessionSignals second = subscribed(keyPrefix);
    SignalInbox atSecond = inbox(second);
    await(second.close());

    await(first.publish(new Signal("session-1", "deleted", new JsonObject())));

    assertThat(atSecond.receives(s -> true, 300)).isFalse();
    assertThat(second.isSubscribed()).isFalse();
  }

  @Test
  void unreachableRedisFailsPublishWithStoreException() {
    RedisSessionSignals signals = new RedisSessionSignals(vertx, options("redis://127.0.0.1:1", keyPrefix),
      new RedisStoreOptions(1, 4, null, Duration.ofSeconds(1), null, null, null));
    opened.add(signals);

    assertThatThrownBy(() -> await(signals.publish(new Signal("s", "deleted", new JsonObject()))))
      .isInstanceOf(SessionStoreException.class).hasMessageContaining("signal publish");
    assertThat(signals.isSubscribed()).isFalse();
  }

  private RedisSessionSignals subscribed(String prefix) {
    RedisSessionSignals signals = new RedisSessionSignals(vertx, options(TestRedis.url(), prefix),
      RedisStoreOptions.defaults());
    opened.add(signals);
    await(signals.subscribed());
    return signals;
  }

  private static SignalInbox inbox(RedisSessionSignals signals) {
    SignalInbox inbox = new SignalInbox();
    signals.handler(inbox);
    return inbox;
  }

  private static SessionStoreOptions options(String url, String prefix) {
    return new SessionStoreOptions(SessionStoreOptions.REDIS, Duration.ofMinutes(1), null, url, prefix);
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.await(10, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("no answer within 10 s", e);
    }
  }
}
