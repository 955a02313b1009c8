package dev.switchboard.transport.auth.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KeyRefresherTest {
  private static final long INTERVAL = TimeUnit.SECONDS.toNanos(5);

  private final List<Promise<Void>> fetches = new ArrayList<>();
  private long now = 1_000;
  private final KeyRefresher keys = new KeyRefresher(this::fetch, INTERVAL, () -> now);

  private Future<Void> fetch() {
    Promise<Void> fetch = Promise.promise();
    fetches.add(fetch);
    return fetch.future();
  }

  @Test
  void concurrentRefreshesShareTheFetchInFlight() {
    Future<Void> first = keys.refresh();
    Future<Void> second = keys.refresh();

    assertThat(fetches).hasSize(1);
    assertThat(first.isComplete()).isFalse();
    assertThat(second.isComplete()).isFalse();
    fetches.get(0).complete();
    assertThat(first.succeeded()).isTrue();
    assertThat(second.succeeded()).isTrue();
  }

  @Test
  void refreshRightAfterAFetchSucceedsAtOnceWithoutFetching() {
    keys.refresh();
    fetches.get(0).complete();
    now += INTERVAL - 1;

    // the caller checks its token again: the fetch that just ended may have brought its key
    assertThat(keys.refresh().succeeded()).isTrue();
    assertThat(fetches).hasSize(1);
  }

  @Test
  void afterTheIntervalAnotherFetchRuns() {
    keys.refresh();
    fetches.get(0).complete();
    now += INTERVAL;

    Future<Void> again = keys.refresh();

    assertThat(fetches).hasSize(2);
    assertThat(again.isComplete()).isFalse();
  }

  @Test
  void failedFetchStillCompletesTheRefreshAndCountsForTheInterval() {
    Future<Void> refresh = keys.refresh();
    fetches.get(0).fail("idp down");

    assertThat(refresh.succeeded()).isTrue();
    now += 1;
    assertThat(keys.refresh().succeeded()).isTrue();
    assertThat(fetches).hasSize(1);
  }
}
