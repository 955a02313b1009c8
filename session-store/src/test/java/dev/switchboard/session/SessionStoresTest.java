package dev.switchboard.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.session.memory.InMemoryEventLog;
import dev.switchboard.session.memory.InMemorySessionStore;
import dev.switchboard.session.memory.LocalSessionSignals;
import dev.switchboard.session.redis.RedisEventLog;
import dev.switchboard.session.redis.RedisSessionSignals;
import dev.switchboard.session.redis.RedisSessionStore;
import dev.switchboard.session.redis.RedisStoreOptions;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The factory picks the store by type, and bad options fail at start-up naming their key. */
class SessionStoresTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void defaultTypeIsMemory() {
    SessionStore store = SessionStores.create(vertx, SessionStoreOptions.defaults());

    assertThat(store).isInstanceOf(InMemorySessionStore.class);
    assertThat(store.ttl()).isEqualTo(SessionStoreOptions.DEFAULT_TTL);
    store.close().await();
  }

  @Test
  void redisTypeIsRedisWithoutConnecting() {
    SessionStore store = SessionStores.create(vertx, options("redis", "redis://127.0.0.1:1/0"));

    assertThat(store).isInstanceOf(RedisSessionStore.class);
    store.close().await();
  }

  @Test
  void memoryTypeGivesLocalEventLogAndSignals() {
    EventLog log = SessionStores.eventLog(vertx, SessionStoreOptions.defaults());
    SessionSignals signals = SessionStores.signals(vertx, SessionStoreOptions.defaults());

    assertThat(log).isInstanceOf(InMemoryEventLog.class);
    assertThat(signals).isInstanceOf(LocalSessionSignals.class);
    signals.close().await();
  }

  @Test
  void redisTypeGivesRedisEventLogAndSignals() {
    SessionStoreOptions options = options("redis", "redis://127.0.0.1:1/0");
    EventLog log = SessionStores.eventLog(vertx, options);
    SessionSignals signals = SessionStores.signals(vertx, options);

    assertThat(log).isInstanceOf(RedisEventLog.class);
    assertThat(signals).isInstanceOf(RedisSessionSignals.class);
    log.close().await();
    signals.close().await();
  }

  @Test
  void unknownTypeNamesSessionsStoreForEveryFactory() {
    SessionStoreOptions mongo = options("mongo", null);

    assertThatThrownBy(() -> SessionStores.eventLog(vertx, mongo)).hasMessageContaining("sessions.store");
    assertThatThrownBy(() -> SessionStores.signals(vertx, mongo)).hasMessageContaining("sessions.store");
  }

  @Test
  void unknownTypeNamesSessionsStore() {
    assertThatThrownBy(() -> SessionStores.create(vertx, options("mongo", null)))
      .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sessions.store").hasMessageContaining("mongo");
  }

  @Test
  void badRedisUrlNamesItsKeyWithoutThePassword() {
    assertThatThrownBy(() -> SessionStores.create(vertx, options("redis", "http://:hunter2@host:6379")))
      .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sessions.redis.url")
      .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> SessionStores.create(vertx, options("redis", "redis://:hunter2@host:6379/zero")))
      .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sessions.redis.url")
      .hasMessageNotContaining("hunter2");
  }

  @Test
  void passwordGivenTwiceIsRejected() {
    RedisStoreOptions withPassword = RedisStoreOptions.defaults().withPassword("pw");

    assertThatThrownBy(() -> SessionStores.create(vertx, options("redis", "redis://:pw@host:6379"), withPassword))
      .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sessions.redis.password");
    assertThatThrownBy(() -> new RedisStoreOptions(null, null, null, null, "pw", "/run/secrets/pw", null))
      .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sessions.redis.password");
  }

  @Test
  void nonPositiveRedisTuningIsRejected() {
    assertThatThrownBy(() -> new RedisStoreOptions(0, null, null, null, null, null, null))
      .hasMessageContaining("sessions.redis.poolSize");
    assertThatThrownBy(() -> new RedisStoreOptions(null, -1, null, null, null, null, null))
      .hasMessageContaining("sessions.redis.maxWaiting");
    assertThatThrownBy(() -> new RedisStoreOptions(null, null, null, Duration.ZERO, null, null, null))
      .hasMessageContaining("sessions.redis.commandTimeout");
  }

  @Test
  void subMillisecondTtlIsRejected() {
    SessionStoreOptions options = new SessionStoreOptions(null, Duration.ofNanos(10), null, null, null);

    assertThatThrownBy(() -> SessionStores.create(vertx, options)).hasMessageContaining("sessions.ttl");
  }

  @Test
  void optionsNeverPrintPasswords() {
    SessionStoreOptions options = options("redis", "redis://user:hunter2@host:6379/0?password=hunter3");
    RedisStoreOptions redis = RedisStoreOptions.defaults().withPassword("hunter4");

    assertThat(options.toString()).doesNotContain("hunter2", "hunter3").contains("host:6379");
    assertThat(redis.toString()).doesNotContain("hunter4");
  }

  private static SessionStoreOptions options(String type, String url) {
    return new SessionStoreOptions(type, null, null, url, null);
  }
}
