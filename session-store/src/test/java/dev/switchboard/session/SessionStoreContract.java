package dev.switchboard.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SessionStore} does. A subclass only says where the store runs ({@link #newStore}) and how time
 * passes for it ({@link #letTimePass}); other modules reuse it from this module's test jar.
 */
public abstract class SessionStoreContract {

  /** Longest wait for one store operation in these tests. */
  protected static final Duration WAIT = Duration.ofSeconds(10);

  protected static Vertx vertx;
  protected SessionStore store;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() {
    await(vertx.close());
  }

  /** The store under test, new for each test; its TTL must be long enough for a few round trips. */
  protected abstract SessionStore newStore(Vertx vertx);

  /** Completes once {@code time} has passed for the store. */
  protected abstract Future<Void> letTimePass(Duration time);

  /** Removes what a test left behind; called after {@link SessionStore#close()}. */
  protected void cleanUp() {
  }

  @BeforeEach
  void openStore() {
    store = newStore(vertx);
  }

  @AfterEach
  void closeStore() {
    if (store == null) {
      return;
    }
    try {
      await(store.close());
    } finally {
      cleanUp();
    }
  }

  @Test
  void createStoresWhenAbsent() {
    SessionRecord record = pending();

    assertThat(await(store.create(record))).isTrue();
    assertThat(await(store.get(record.id()))).isEqualTo(record);
  }

  @Test
  void createRefusesExisting() {
    SessionRecord original = pending();
    SessionRecord other = SessionRecord.pending(original.id(), "2025-03-26", "other", "mallory", null, null, 2L);
    await(store.create(original));

    assertThat(await(store.create(other))).isFalse();
    assertThat(await(store.get(original.id()))).isEqualTo(original);
  }

  @Test
  void updateReplacesWhenPresent() {
    SessionRecord record = pending();
    await(store.create(record));
    SessionRecord active = record.activated("fp-1", Map.of("github", "gh-session-1"));

    assertThat(await(store.update(active))).isTrue();
    assertThat(await(store.get(record.id()))).isEqualTo(active);
  }

  @Test
  void updateRefusesAbsent() {
    SessionRecord record = pending();

    assertThat(await(store.update(record))).isFalse();
    assertThat(await(store.get(record.id()))).isNull();
  }

  @Test
  void getMissingIsNull() {
    assertThat(await(store.get(newId()))).isNull();
  }

  @Test
  void getSlidesTtl() {
    SessionRecord record = pending();
    await(store.create(record));
    await(letTimePass(mostOfTtl()));

    assertThat(await(store.get(record.id()))).isEqualTo(record);
    await(letTimePass(mostOfTtl()));
    assertThat(await(store.get(record.id()))).isEqualTo(record);
  }

  @Test
  void touchSlidesTtl() {
    SessionRecord record = pending();
    await(store.create(record));
    await(letTimePass(mostOfTtl()));

    assertThat(await(store.touch(record.id()))).isTrue();
    await(letTimePass(mostOfTtl()));
    assertThat(await(store.get(record.id()))).isEqualTo(record);
  }

  @Test
  void updateSlidesTtl() {
    SessionRecord record = pending();
    await(store.create(record));
    await(letTimePass(mostOfTtl()));
    SessionRecord changed = record.withLogLevel("debug");

    assertThat(await(store.update(changed))).isTrue();
    await(letTimePass(mostOfTtl()));
    assertThat(await(store.get(record.id()))).isEqualTo(changed);
  }

  @Test
  void touchMissingIsFalse() {
    assertThat(await(store.touch(newId()))).isFalse();
  }

  @Test
  void deleteRemoves() {
    SessionRecord record = pending();
    await(store.create(record));

    assertThat(await(store.delete(record.id()))).isTrue();
    assertThat(await(store.get(record.id()))).isNull();
  }

  @Test
  void deleteMissingIsFalse() {
    assertThat(await(store.delete(newId()))).isFalse();
  }

  @Test
  void claimIsGrantedOnce() {
    String id = newId();

    assertThat(await(store.claim(id, store.ttl()))).isTrue();
    assertThat(await(store.claim(id, store.ttl()))).isFalse();
    assertThat(await(store.claim(newId(), store.ttl()))).isTrue();
  }

  @Test
  void claimCanBeTakenAgainAfterItsHold() {
    String id = newId();
    await(store.claim(id, mostOfTtl()));
    await(letTimePass(store.ttl().plus(store.ttl().dividedBy(2))));

    assertThat(await(store.claim(id, mostOfTtl()))).isTrue();
  }

  @Test
  void concurrentClaimsOnlyOneWins() {
    String id = newId();
    List<Future<Boolean>> claims = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      claims.add(store.claim(id, store.ttl()));
    }
    await(Future.all(claims));

    assertThat(claims.stream().filter(Future::result).count()).isEqualTo(1);
  }

  @Test
  void pingAnswers() {
    await(store.ping());
  }

  @Test
  void recordExpiresAfterTtl() {
    SessionRecord record = pending();
    await(store.create(record));
    await(letTimePass(store.ttl().plus(store.ttl().dividedBy(2))));

    assertThat(await(store.get(record.id()))).isNull();
  }

  @Test
  void expiredRecordCanBeCreatedAgain() {
    SessionRecord record = pending();
    await(store.create(record));
    await(letTimePass(store.ttl().plus(store.ttl().dividedBy(2))));

    assertThat(await(store.create(record))).isTrue();
    assertThat(await(store.get(record.id()))).isEqualTo(record);
  }

  @Test
  void recordRoundTripsAllFields() {
    JsonObject clientInfo = new JsonObject().put("name", "agent \u00e9\u6f22\"\\").put("version", "1.2.3")
      .put("nested", new JsonObject().put("deep", new JsonArray().add(1).add(2.5).add(true).addNull()));
    JsonObject capabilities = new JsonObject().put("roots", new JsonObject().put("listChanged", true))
      .put("sampling", new JsonObject()).put("experimental", new JsonObject().put("x", new JsonArray()));
    SessionRecord full = new SessionRecord(newId(), SessionState.ACTIVE, "2025-11-25", "https://issuer.example",
      "alice", clientInfo, capabilities, "sha256:abc", Map.of("github", "gh-1", "jira", "j/2=?&"), "warning",
      1_767_225_600_123L);
    SessionRecord sparse = new SessionRecord(newId(), SessionState.PENDING, null, null, null, null, null, null,
      null, null, 0L);
    await(store.create(full));
    await(store.create(sparse));

    assertThat(await(store.get(full.id()))).isEqualTo(full);
    assertThat(await(store.get(sparse.id()))).isEqualTo(sparse);
  }

  @Test
  void storedRecordIsACopy() {
    SessionRecord record = pending();
    await(store.create(record));
    record.clientInfo().put("name", "changed after create");
    await(store.get(record.id())).clientInfo().put("name", "changed after get");

    assertThat(await(store.get(record.id())).clientInfo().getString("name")).isEqualTo("agent");
  }

  @Test
  void concurrentCreatesOnlyOneWins() throws InterruptedException {
    String id = newId();
    int writers = 20;
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Future<Boolean>>> submitted = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        SessionRecord candidate = SessionRecord.pending(id, "2025-11-25", "issuer", "writer-" + i, null, null, i);
        submitted.add(threads.submit(() -> {
          start.await();
          return store.create(candidate);
        }));
      }
      start.countDown();
      for (var s : submitted) {
        results.add(s.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError(e);
    } finally {
      threads.shutdownNow();
    }

    List<Integer> winners = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      if (await(results.get(i))) {
        winners.add(i);
      }
    }
    assertThat(winners).hasSize(1);
    assertThat(await(store.get(id)).subject()).isEqualTo("writer-" + winners.get(0));
  }

  @Test
  void sessionsAreIsolated() {
    SessionRecord a = pending();
    SessionRecord b = pending();
    await(store.create(a));
    await(store.create(b));

    await(store.update(a.withLogLevel("error")));
    await(store.touch(a.id()));
    await(store.get(a.id()));
    await(store.delete(a.id()));
    await(store.create(a));

    assertThat(await(store.get(b.id()))).isEqualTo(b);
  }

  @Test
  void nullArgumentsFailTheFutureWithoutThrowing() {
    Future<SessionRecord> get = store.get(null);
    Future<Boolean> create = store.create(null);

    assertThatThrownBy(() -> await(get)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> await(create)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void closedStoreFailsOperations() {
    await(store.close());

    assertThatThrownBy(() -> await(store.get(newId()))).isInstanceOf(SessionStoreException.class);
    assertThatThrownBy(() -> await(store.create(pending()))).isInstanceOf(SessionStoreException.class);
  }

  /** Less than the TTL by a margin for scheduling noise; twice it is more than the TTL. */
  protected Duration mostOfTtl() {
    return store.ttl().multipliedBy(3).dividedBy(5);
  }

  /** A pending record with a fresh id. */
  protected static SessionRecord pending() {
    return SessionRecord.pending(newId(), "2025-11-25", "anonymous", "anonymous",
      new JsonObject().put("name", "agent").put("version", "1.0"), new JsonObject().put("roots", new JsonObject()),
      1_767_225_600_000L);
  }

  protected static String newId() {
    return UUID.randomUUID().toString();
  }

  /** Waits for the future (bounded) and returns its result; a failed future is thrown as its cause. */
  protected static <T> T await(Future<T> future) {
    try {
      return future.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("no answer within " + WAIT, e);
    }
  }
}
