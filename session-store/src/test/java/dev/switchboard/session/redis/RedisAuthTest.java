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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A password-protected Redis: the password from the URL, the options or a file; wrong ones fail without leaking. */
class RedisAuthTest {

  private static final String PASSWORD = "s3cret-p4ss";

  private static EmbeddedRedis redis;
  private final Vertx vertx = Vertx.vertx();
  private RedisSessionStore store;

  @TempDir
  Path dir;

  @BeforeAll
  static void startRedis() {
    redis = TestRedis.startEmbedded("requirepass " + PASSWORD);
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
  void passwordInUrlAuthenticates() {
    store = storeAt("redis://:" + PASSWORD + "@127.0.0.1:" + redis.port() + "/0", RedisStoreOptions.defaults());

    assertRoundTrip();
  }

  @Test
  void passwordOptionAuthenticates() {
    store = storeAt(redis.url(), RedisStoreOptions.defaults().withPassword(PASSWORD));

    assertRoundTrip();
  }

  @Test
  void passwordFileAuthenticates() throws IOException {
    Path file = Files.writeString(dir.resolve("redis-password"), PASSWORD + "\n");
    store = storeAt(redis.url(), RedisStoreOptions.defaults().withPasswordFile(file.toString()));

    assertRoundTrip();
  }

  @Test
  void missingPasswordFileFailsWithStoreException() {
    store = storeAt(redis.url(), RedisStoreOptions.defaults().withPasswordFile(dir.resolve("absent").toString()));

    assertThatThrownBy(() -> await(store.get("s1"))).isInstanceOf(SessionStoreException.class)
      .hasMessageContaining("passwordFile");
  }

  @Test
  void wrongPasswordFailsWithoutShowingIt() {
    store = storeAt("redis://:wrong-" + PASSWORD + "@127.0.0.1:" + redis.port(), RedisStoreOptions.defaults());

    assertThatThrownBy(() -> await(store.get("s1"))).isInstanceOf(SessionStoreException.class)
      .hasMessageNotContaining(PASSWORD);
  }

  @Test
  void noPasswordFailsWithStoreException() {
    store = storeAt(redis.url(), RedisStoreOptions.defaults());

    assertThatThrownBy(() -> await(store.get("s1"))).isInstanceOf(SessionStoreException.class);
  }

  private void assertRoundTrip() {
    SessionRecord record = SessionRecord.pending("s1", "2025-11-25", "anonymous", "anonymous", null, null, 0L);
    assertThat(await(store.create(record))).isTrue();
    assertThat(await(store.get("s1"))).isEqualTo(record);
    assertThat(await(store.delete("s1"))).isTrue();
  }

  private RedisSessionStore storeAt(String url, RedisStoreOptions options) {
    return new RedisSessionStore(vertx, new SessionStoreOptions(SessionStoreOptions.REDIS, Duration.ofMinutes(1),
      null, url, TestRedis.newKeyPrefix()), options);
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.await(10, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("the store did not answer within 10 s", e);
    }
  }
}
