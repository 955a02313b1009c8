package dev.switchboard.transport.auth.impl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.bus.Identity;
import dev.switchboard.transport.auth.Caller;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Validated tokens: kept by hash, never beyond the token's expiry or the TTL, bounded. */
class TokenCacheTest {
  private final AtomicLong now = new AtomicLong(1_000_000);

  private Caller caller(String subject, long expiresAt) {
    return new Caller(new Identity("iss", subject), "token-" + subject, Set.of(), new JsonObject(), expiresAt);
  }

  @Test
  void keyIsAHashNotTheToken() {
    String key = TokenCache.key("secret-token");
    assertThat(key).doesNotContain("secret").hasSize(32).isEqualTo(TokenCache.key("secret-token"));
    assertThat(TokenCache.key("secret-token2")).isNotEqualTo(key);
  }

  @Test
  void entryEndsAtTheTokensExpiryEvenWithinTheTtl() {
    TokenCache cache = new TokenCache(10, 60_000, now::get);
    cache.put("k", caller("a", now.get() + 1_000));
    assertThat(cache.get("k")).isNotNull();
    now.addAndGet(1_000);
    assertThat(cache.get("k")).isNull();
  }

  @Test
  void entryEndsAfterTheTtl() {
    TokenCache cache = new TokenCache(10, 5_000, now::get);
    cache.put("k", caller("a", now.get() + 3_600_000));
    now.addAndGet(4_999);
    assertThat(cache.get("k")).isNotNull();
    now.addAndGet(1);
    assertThat(cache.get("k")).isNull();
  }

  @Test
  void fullCacheDropsExpiredEntriesAndOtherwiseKeepsNoMore() {
    TokenCache cache = new TokenCache(2, 60_000, now::get);
    cache.put("a", caller("a", now.get() + 10));
    cache.put("b", caller("b", now.get() + 60_000));
    cache.put("c", caller("c", now.get() + 60_000));
    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.get("c")).isNull();
    now.addAndGet(10);
    cache.put("c", caller("c", now.get() + 60_000));
    assertThat(cache.get("c")).isNotNull();
    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void sizeZeroKeepsNothing() {
    TokenCache cache = new TokenCache(0, 60_000, now::get);
    cache.put("k", caller("a", now.get() + 1_000));
    assertThat(cache.get("k")).isNull();
  }
}
