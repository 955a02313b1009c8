package dev.switchboard.session.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.session.SessionRecord;
import dev.switchboard.session.SessionStoreException;
import dev.switchboard.session.SessionStoreOptions;
import dev.switchboard.session.TestRedis;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rediss://}: the server certificate is checked against the trust file, or against the JVM's CAs. */
class RedisTlsTest {

  @TempDir
  static Path dir;

  private static TlsRedisServer redis;
  private final Vertx vertx = Vertx.vertx();
  private RedisSessionStore store;

  @BeforeAll
  static void startRedis() throws Exception {
    redis = TlsRedisServer.start(dir);
  }

  @AfterAll
  static void stopRedis() {
    if (redis != null) {
      redis.close();
    }
  }

  @AfterEach
  void tearDown() {
    if (store != null) {
      store.close().await();
    }
    vertx.close().await();
  }

  @Test
  void trustedCertificateConnects() {
    store = storeTrusting(redis.caFile().toString());
    SessionRecord record = SessionRecord.pending("s1", "2025-11-25", "anonymous", "anonymous", null, null, 0L);

    assertThat(await(store.create(record))).isTrue();
    assertThat(await(store.get("s1"))).isEqualTo(record);
  }

  @Test
  void untrustedCertificateFailsWithStoreException() {
    store = storeTrusting(null);

    assertThatThrownBy(() -> await(store.get("s1"))).isInstanceOf(SessionStoreException.class);
  }

  @Test
  void certificateForAnotherHostFailsWithStoreException() {
    // the certificate names 127.0.0.1 only
    store = storeTrusting(redis.caFile().toString(), "localhost");

    assertThatThrownBy(() -> await(store.get("s1"))).isInstanceOf(SessionStoreException.class);
  }

  private RedisSessionStore storeTrusting(String trustFile) {
    return storeTrusting(trustFile, "127.0.0.1");
  }

  private RedisSessionStore storeTrusting(String trustFile, String host) {
    return new RedisSessionStore(vertx, new SessionStoreOptions(SessionStoreOptions.REDIS, Duration.ofMinutes(1),
      null, "rediss://" + host + ":" + redis.port(), TestRedis.newKeyPrefix()),
      new RedisStoreOptions(null, null, null, null, null, null, trustFile));
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.await(10, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("the store did not answer within 10 s", e);
    }
  }
}
