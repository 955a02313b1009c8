package dev.switchboard.core.backend.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.backend.BackendException;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PendingExchangesTest {
  private final Vertx vertx = Vertx.vertx();
  private final PendingExchanges pending = new PendingExchanges("alpha");

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private Exchange<Void> exchange() {
    return new Exchange<>(vertx, "alpha", Duration.ofMinutes(1));
  }

  @Test
  void beyondTheBoundNewRequestsFailFast() {
    for (int i = 0; i < PendingExchanges.MAX_REQUESTS; i++) {
      pending.add("s", i, exchange());
    }

    assertThatThrownBy(() -> pending.add("s", "one more", exchange()))
      .isInstanceOfSatisfying(BackendException.class,
        e -> assertThat(e.kind()).isEqualTo(BackendException.Kind.UNREACHABLE));
    assertThat(pending.get("s", "one more")).isNull();
  }

  @Test
  void anIdRunsOncePerSessionUntilItsExchangeEnds() throws Exception {
    Exchange<Void> first = exchange();
    pending.add("s", 7, first);
    pending.add("t", 7, exchange());

    assertThatThrownBy(() -> pending.add("s", 7L, exchange())).isInstanceOf(IllegalStateException.class);
    assertThat(pending.get("s", 7)).isSameAs(first);

    first.abort(new IllegalStateException("done"));
    first.future().otherwiseEmpty().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertThat(pending.get("s", 7)).isNull();
    Exchange<Void> again = exchange();
    pending.add("s", 7, again);
    assertThat(pending.get("s", 7)).isSameAs(again);
  }
}
