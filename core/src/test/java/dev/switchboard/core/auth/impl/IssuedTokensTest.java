package dev.switchboard.core.auth.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Issued tokens: one request per key at a time, shared; reused until shortly before expiry; a failure not kept. */
class IssuedTokensTest {
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final AtomicInteger fetches = new AtomicInteger();
  private final List<Promise<TokenEndpoint.IssuedToken>> pending = new ArrayList<>();

  private Future<TokenEndpoint.IssuedToken> fetch(String key) {
    fetches.incrementAndGet();
    Promise<TokenEndpoint.IssuedToken> promise = Promise.promise();
    pending.add(promise);
    return promise.future();
  }

  @Test
  void concurrentRequestsShareOneFetch() {
    IssuedTokens<String> tokens = new IssuedTokens<>(10, 30_000, now::get);
    Future<String> first = tokens.get("alice", this::fetch);
    Future<String> second = tokens.get("alice", this::fetch);
    assertThat(fetches.get()).isEqualTo(1);
    pending.get(0).complete(new TokenEndpoint.IssuedToken("t1", now.get() + 60_000));
    assertThat(first.result()).isEqualTo("t1");
    assertThat(second.result()).isEqualTo("t1");
    assertThat(tokens.get("alice", this::fetch).result()).isEqualTo("t1");
    assertThat(fetches.get()).isEqualTo(1);
  }

  @Test
  void tokenIsRenewedShortlyBeforeItExpires() {
    IssuedTokens<String> tokens = new IssuedTokens<>(10, 30_000, now::get);
    tokens.get("k", this::fetch);
    pending.get(0).complete(new TokenEndpoint.IssuedToken("t1", now.get() + 60_000));
    now.addAndGet(29_999);
    assertThat(tokens.get("k", this::fetch).result()).isEqualTo("t1");
    now.addAndGet(1);
    Future<String> renewed = tokens.get("k", this::fetch);
    assertThat(fetches.get()).isEqualTo(2);
    pending.get(1).complete(new TokenEndpoint.IssuedToken("t2", now.get() + 60_000));
    assertThat(renewed.result()).isEqualTo("t2");
  }

  @Test
  void failureIsNotKeptAndTheNextCallerTriesAgain() {
    IssuedTokens<String> tokens = new IssuedTokens<>(10, 30_000, now::get);
    Future<String> failed = tokens.get("k", this::fetch);
    pending.get(0).fail(new IllegalStateException("token endpoint answered HTTP 400"));
    assertThat(failed.failed()).isTrue();
    tokens.get("k", this::fetch);
    assertThat(fetches.get()).isEqualTo(2);
  }

  @Test
  void synchronousFailureDoesNotBreakTheCache() {
    IssuedTokens<String> tokens = new IssuedTokens<>(10, 30_000, now::get);
    Future<String> failed = tokens.get("k", key -> Future.failedFuture(new IllegalStateException("no token")));
    assertThat(failed.failed()).isTrue();
    assertThat(tokens.get("k", key -> Future.succeededFuture(new TokenEndpoint.IssuedToken("t", now.get() + 60_000)))
      .result()).isEqualTo("t");
  }

  @Test
  void fullCacheUsesNewTokensWithoutKeepingThem() {
    IssuedTokens<String> tokens = new IssuedTokens<>(1, 0, now::get);
    tokens.get("a", key -> Future.succeededFuture(new TokenEndpoint.IssuedToken("ta", now.get() + 60_000)));
    assertThat(tokens.get("b", key -> Future.succeededFuture(new TokenEndpoint.IssuedToken("tb", now.get() + 60_000)))
      .result()).isEqualTo("tb");
    tokens.get("b", this::fetch);
    assertThat(fetches.get()).isEqualTo(1);
  }
}
