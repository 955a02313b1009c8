package dev.switchboard.session.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.session.SessionRecord;
import dev.switchboard.session.SessionStore;
import dev.switchboard.session.SessionStoreContract;
import dev.switchboard.session.SessionStoreException;
import dev.switchboard.session.SessionStoreOptions;
import dev.switchboard.session.TestRedis;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The contract, plus what only a Redis store can meet, against a real Redis that a subclass names. The TTL is short so
 * that waiting for it stays cheap; every test has its own key prefix and deletes its own keys.
 */
abstract class RedisSessionStoreContract extends SessionStoreContract {

  static final Duration TTL = Duration.ofMillis(600);

  private final String keyPrefix = TestRedis.newKeyPrefix();

  /** Where the Redis under test is. */
  protected abstract String redisUrl();

  @Override
  protected SessionStore newStore(Vertx vertx) {
    return new RedisSessionStore(vertx, new SessionStoreOptions(SessionStoreOptions.REDIS, TTL, null, redisUrl(),
      keyPrefix));
  }

  @Override
  protected Future<Void> letTimePass(Duration time) {
    return vertx.timer(time.toMillis()).mapEmpty();
  }

  @Override
  protected void cleanUp() {
    await(TestRedis.deleteKeys(vertx, redisUrl(), keyPrefix));
  }

  @Test
  void recordIsStoredAsJsonUnderPrefixedKeyWithTtl() {
    SessionRecord record = pending();
    await(store.create(record));

    String key = keyPrefix + "session:" + record.id();
    assertThat(await(raw(Request.cmd(Command.GET).arg(key))).toString()).isEqualTo(record.toJson().encode());
    assertThat(await(raw(Request.cmd(Command.PTTL).arg(key))).toLong()).isBetween(1L, TTL.toMillis());
  }

  @Test
  void corruptValueFailsWithStoreException() {
    String id = newId();
    await(raw(Request.cmd(Command.SET).arg(keyPrefix + "session:" + id).arg("{not json")));

    assertThatThrownBy(() -> await(store.get(id))).isInstanceOf(SessionStoreException.class)
      .hasMessageContaining("not a session record");
  }

  @Test
  void valueOfWrongShapeFailsWithStoreException() {
    String id = newId();
    await(raw(Request.cmd(Command.SET).arg(keyPrefix + "session:" + id).arg("{\"id\":\"x\",\"state\":\"GONE\"}")));

    assertThatThrownBy(() -> await(store.get(id))).isInstanceOf(SessionStoreException.class);
  }

  @Test
  void keyOfWrongTypeFailsWithStoreException() {
    String id = newId();
    await(raw(Request.cmd(Command.HSET).arg(keyPrefix + "session:" + id).arg("f").arg("v")));

    assertThatThrownBy(() -> await(store.get(id))).isInstanceOf(SessionStoreException.class)
      .hasMessageContaining("WRONGTYPE");
  }

  private Future<Response> raw(Request request) {
    Redis client = Redis.createClient(vertx, redisUrl());
    return client.send(request).eventually(client::close);
  }
}
