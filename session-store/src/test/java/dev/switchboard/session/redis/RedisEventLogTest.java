package dev.switchboard.session.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.session.EventLog;
import dev.switchboard.session.EventLogContract;
import dev.switchboard.session.SessionStoreException;
import dev.switchboard.session.SessionStoreOptions;
import dev.switchboard.session.StoredEvent;
import dev.switchboard.session.TestRedis;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The event-log contract, plus what only the Redis log does (keys, TTL, failures), against the Redis that
 * {@link TestRedis} finds or starts. Every test has its own key prefix and deletes its own keys.
 */
class RedisEventLogTest extends EventLogContract {

  private static final Duration TTL = Duration.ofMillis(800);

  private final String keyPrefix = TestRedis.newKeyPrefix();

  @Override
  protected EventLog newLog(Vertx vertx, int maxEventsPerStream) {
    return logAt(TestRedis.url(), maxEventsPerStream, RedisStoreOptions.defaults());
  }

  @Override
  protected void cleanUp() {
    await(TestRedis.deleteKeys(vertx, TestRedis.url(), keyPrefix));
  }

  @Test
  void streamIsAListUnderItsPrefixedKeyWithTheSessionTtl() {
    String session = newId();
    await(log.append(session, "s1", new StoredEvent("e1", "{\"a\":1}")));

    String stream = keyPrefix + "events:" + session + ":s1";
    String index = keyPrefix + "streams:" + session;
    assertThat(await(raw(Request.cmd(Command.LRANGE).arg(stream).arg(0).arg(-1))).get(0).toString())
      .isEqualTo("[\"e1\",\"{\\\"a\\\":1}\"]");
    assertThat(await(raw(Request.cmd(Command.SMEMBERS).arg(index))).get(0).toString()).isEqualTo("s1");
    assertThat(await(raw(Request.cmd(Command.PTTL).arg(stream))).toLong()).isBetween(1L, TTL.toMillis());
    assertThat(await(raw(Request.cmd(Command.PTTL).arg(index))).toLong()).isBetween(1L, TTL.toMillis());
  }

  @Test
  void streamExpiresOneTtlAfterItsLastEvent() {
    String session = newId();
    appendAll(session, "s1", 2);
    await(vertx.timer(TTL.toMillis() * 3 / 5));
    List<StoredEvent> kept = appendAll(session, "s1", 1);
    await(vertx.timer(TTL.toMillis() * 3 / 5));

    assertThat(await(log.after(session, "s1", null))).hasSize(3).endsWith(kept.get(0));
    await(vertx.timer(TTL.toMillis() * 3 / 2));
    assertThat(await(log.after(session, "s1", null))).isEmpty();
  }

  @Test
  void deleteRemovesTheIndexToo() {
    String session = newId();
    appendAll(session, "s1", 1);
    appendAll(session, "s2", 1);

    await(log.delete(session));

    assertThat(await(raw(Request.cmd(Command.EXISTS).arg(keyPrefix + "streams:" + session)
      .arg(keyPrefix + "events:" + session + ":s1").arg(keyPrefix + "events:" + session + ":s2"))).toInteger())
      .isZero();
  }

  @Test
  void corruptEventFailsWithStoreException() {
    String session = newId();
    await(raw(Request.cmd(Command.RPUSH).arg(keyPrefix + "events:" + session + ":s1").arg("{not an event")));

    assertThatThrownBy(() -> await(log.after(session, "s1", null))).isInstanceOf(SessionStoreException.class)
      .hasMessageContaining("not an event");
  }

  @Test
  void unreachableRedisFailsWithStoreException() {
    EventLog unreachable = logAt("redis://127.0.0.1:1", BOUND,
      new RedisStoreOptions(1, 4, null, Duration.ofSeconds(2), null, null, null));
    try {
      for (Future<?> op : List.of(unreachable.append("s", "s1", new StoredEvent("e1", "{}")),
        unreachable.after("s", "s1", null), unreachable.delete("s"))) {
        assertThatThrownBy(() -> await(op)).isInstanceOf(SessionStoreException.class)
          .hasMessageContaining("event log").hasMessageContaining("127.0.0.1:1");
      }
    } finally {
      await(unreachable.close());
    }
  }

  @Test
  void closedLogFailsOperations() {
    await(log.close());

    assertThatThrownBy(() -> await(log.append(newId(), "s1", new StoredEvent("e1", "{}"))))
      .isInstanceOf(SessionStoreException.class);
    assertThatThrownBy(() -> await(log.after(newId(), "s1", null))).isInstanceOf(SessionStoreException.class);
  }

  @Test
  void badBoundIsRejected() {
    assertThatThrownBy(() -> logAt(TestRedis.url(), 0, RedisStoreOptions.defaults()))
      .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxEventsPerStream");
  }

  private RedisEventLog logAt(String url, int bound, RedisStoreOptions options) {
    return new RedisEventLog(vertx, new SessionStoreOptions(SessionStoreOptions.REDIS, TTL, null, url, keyPrefix),
      options, bound);
  }

  private Future<Response> raw(Request request) {
    Redis client = Redis.createClient(vertx, TestRedis.url());
    return client.send(request).eventually(client::close);
  }
}
