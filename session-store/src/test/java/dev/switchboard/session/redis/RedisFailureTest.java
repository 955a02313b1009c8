package dev.switchboard.session.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.session.SessionRecord;
import dev.switchboard.session.SessionStoreException;
import dev.switchboard.session.SessionStoreOptions;
import dev.switchboard.session.TestRedis;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Unreachable, silent or overloaded Redis: every operation fails with {@link SessionStoreException}, in bounded time. */
class RedisFailureTest {

  private final Vertx vertx = Vertx.vertx();
  private RedisSessionStore store;
  private ServerSocket silentServer;

  @AfterEach
  void tearDown() throws IOException {
    if (store != null) {
      store.close().await();
    }
    if (silentServer != null) {
      silentServer.close();
    }
    vertx.close().await();
  }

  @Test
  void refusedConnectionFailsWithStoreException() throws IOException {
    store = storeAt("redis://127.0.0.1:" + TestRedis.freePort(), options(Duration.ofSeconds(5), 2, 4));

    long start = System.nanoTime();
    assertThatThrownBy(() -> await(store.get("s1"))).isInstanceOf(SessionStoreException.class)
      .hasMessageContaining("session get failed at Redis redis://127.0.0.1:");
    assertThat(elapsedMillis(start)).isLessThan(2_000);
  }

  @Test
  void everyOperationFailsWithStoreExceptionWhenRedisIsDown() throws IOException {
    store = storeAt("redis://127.0.0.1:" + TestRedis.freePort(), options(Duration.ofSeconds(5), 2, 4));
    SessionRecord record = SessionRecord.pending("s1", "2025-11-25", "anonymous", "anonymous", null, null, 0L);

    for (Future<?> op : List.of(store.create(record), store.update(record), store.get("s1"), store.touch("s1"),
      store.delete("s1"))) {
      assertThatThrownBy(() -> await(op)).isInstanceOf(SessionStoreException.class);
    }
  }

  @Test
  void silentServerFailsWithinCommandTimeout() throws IOException {
    store = storeAt(silentServerUrl(), options(Duration.ofMillis(300), 2, 4));

    long start = System.nanoTime();
    assertThatThrownBy(() -> await(store.touch("s1"))).isInstanceOf(SessionStoreException.class)
      .hasMessageContaining("no answer within 300 ms");
    assertThat(elapsedMillis(start)).isBetween(250L, 3_000L);
  }

  @Test
  void exhaustedPoolFailsAtOnce() throws IOException {
    store = storeAt(silentServerUrl(), options(Duration.ofSeconds(1), 1, 1));
    List<Future<SessionRecord>> pending = List.of(store.get("a"), store.get("b"));

    long start = System.nanoTime();
    assertThatThrownBy(() -> await(store.get("c"))).isInstanceOf(SessionStoreException.class)
      .hasMessageContaining("max wait queue size");
    assertThat(elapsedMillis(start)).isLessThan(500);
    for (Future<SessionRecord> f : pending) {
      assertThatThrownBy(() -> await(f)).isInstanceOf(SessionStoreException.class);
    }
  }

  private String silentServerUrl() throws IOException {
    // accepts TCP connections in the kernel backlog and never answers
    silentServer = new ServerSocket();
    silentServer.bind(new InetSocketAddress("127.0.0.1", 0), 16);
    return "redis://127.0.0.1:" + silentServer.getLocalPort();
  }

  private RedisSessionStore storeAt(String url, RedisStoreOptions options) {
    return new RedisSessionStore(vertx, new SessionStoreOptions(SessionStoreOptions.REDIS, Duration.ofMinutes(1),
      null, url, TestRedis.newKeyPrefix()), options);
  }

  private static RedisStoreOptions options(Duration timeout, int poolSize, int maxWaiting) {
    return new RedisStoreOptions(poolSize, maxWaiting, null, timeout, null, null, null);
  }

  private static long elapsedMillis(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.await(10, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("the store did not answer within 10 s", e);
    }
  }
}
