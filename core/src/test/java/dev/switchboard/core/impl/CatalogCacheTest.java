package dev.switchboard.core.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.backend.StreamObserver;
import dev.switchboard.core.bus.Identity;
import dev.switchboard.core.catalog.BackendCatalog;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CatalogCacheTest {
  private final AtomicLong now = new AtomicLong();
  private final AtomicInteger reads = new AtomicInteger();
  private final CatalogCache cache = new CatalogCache(Duration.ofSeconds(60), 3, now::get);

  private static CatalogCache.Key key(String backend) {
    return new CatalogCache.Key(backend, null, new JsonObject());
  }

  private Future<BackendCatalog> read(String backend) {
    reads.incrementAndGet();
    return Future.succeededFuture(new BackendCatalog(backend, List.of(new JsonObject().put("name", "t")), null, null,
      null));
  }

  @Test
  void aCatalogIsReadOnceAndSharedUntilItsTtlEnds() {
    BackendCatalog first = cache.get(key("a"), () -> read("a")).result();
    assertThat(cache.get(key("a"), () -> read("a")).result()).isSameAs(first);
    assertThat(reads).hasValue(1);

    now.addAndGet(Duration.ofSeconds(60).toNanos());
    assertThat(cache.get(key("a"), () -> read("a")).result()).isNotSameAs(first);
    assertThat(reads).hasValue(2);
  }

  @Test
  void keysSeparateWhatTheBackendSees() {
    cache.get(key("a"), () -> read("a"));
    cache.get(new CatalogCache.Key("a", null, new JsonObject().put("sampling", new JsonObject())), () -> read("a"));
    cache.get(new CatalogCache.Key("a", new Identity("iss", "alice"), new JsonObject()), () -> read("a"));
    cache.get(new CatalogCache.Key("a", new Identity("iss", "alice"), new JsonObject()), () -> read("a"));
    assertThat(reads).hasValue(3);
  }

  @Test
  void invalidatingABackendDropsOnlyItsCatalogs() {
    cache.get(key("a"), () -> read("a"));
    cache.get(key("b"), () -> read("b"));
    cache.invalidate("a");
    cache.get(key("a"), () -> read("a"));
    cache.get(key("b"), () -> read("b"));
    assertThat(reads).hasValue(3);
  }

  @Test
  void concurrentMissesShareOneReadAndAFailedReadIsNotKept() {
    Promise<BackendCatalog> pending = Promise.promise();
    Future<BackendCatalog> first = cache.get(key("a"), () -> {
      reads.incrementAndGet();
      return pending.future();
    });
    Future<BackendCatalog> second = cache.get(key("a"), () -> read("a"));
    assertThat(reads).hasValue(1);

    pending.fail("the first session's backend session broke");
    assertThat(first.failed()).isTrue();
    assertThat(second.succeeded()).as("a waiter reads on its own session instead").isTrue();
    assertThat(reads).hasValue(2);
    cache.get(key("a"), () -> read("a"));
    assertThat(reads).as("the failure was not kept").hasValue(3);
  }

  @Test
  void pastItsBoundAReadIsUsedOnceAndExpiredEntriesMakeRoom() {
    for (String backend : List.of("a", "b", "c", "d")) {
      cache.get(key(backend), () -> read(backend));
    }
    assertThat(cache.size()).isEqualTo(3);
    cache.get(key("d"), () -> read("d"));
    assertThat(reads).as("d was not kept").hasValue(5);

    now.addAndGet(Duration.ofSeconds(61).toNanos());
    cache.get(key("d"), () -> read("d"));
    cache.get(key("d"), () -> read("d"));
    assertThat(reads).hasValue(6);
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void aReadStartedBeforeAnInvalidationOrAReconfigurationIsNotKept() {
    cache.get(key("a"), () -> {
      Future<BackendCatalog> read = read("a");
      cache.invalidate("a");
      return read;
    });
    cache.get(key("a"), () -> read("a"));
    assertThat(reads).as("the first read was not kept").hasValue(2);

    cache.get(key("b"), () -> {
      Future<BackendCatalog> read = read("b");
      cache.configure(Duration.ofSeconds(60), 3);
      return read;
    });
    cache.get(key("b"), () -> read("b"));
    assertThat(reads).hasValue(4);
    cache.get(key("b"), () -> read("b"));
    assertThat(reads).as("reads after it are kept").hasValue(4);
  }

  @Test
  void aListChangeOnACallsStreamDropsThatBackendsCatalogsAndTheStreamIsPassedOnWhole() {
    cache.get(key("a"), () -> read("a"));
    cache.get(key("b"), () -> read("b"));
    List<JsonObject> passed = new ArrayList<>();
    AtomicInteger pauses = new AtomicInteger();
    StreamObserver stream = cache.watching("a", new StreamObserver() {
      @Override
      public void handle(JsonObject message) {
        passed.add(message);
      }

      @Override
      public void paused() {
        pauses.incrementAndGet();
      }
    });

    stream.handle(new JsonObject().put("method", "notifications/progress"));
    assertThat(cache.size()).isEqualTo(2);
    stream.handle(new JsonObject().put("method", "notifications/tools/list_changed"));
    stream.paused();

    assertThat(passed).hasSize(2);
    assertThat(pauses).as("the backend's pause still reaches the client's stream").hasValue(1);
    assertThat(cache.size()).isEqualTo(1);
    cache.get(key("a"), () -> read("a"));
    assertThat(reads).hasValue(3);
    assertThat(cache.watching("a", null)).as("a call without a stream stays without one").isNull();
  }

  @Test
  void aZeroBoundTurnsTheCacheOff() {
    cache.configure(Duration.ofSeconds(60), 0);
    cache.get(key("a"), () -> read("a"));
    cache.get(key("a"), () -> read("a"));
    assertThat(reads).hasValue(2);
    assertThat(cache.size()).isZero();
  }
}
