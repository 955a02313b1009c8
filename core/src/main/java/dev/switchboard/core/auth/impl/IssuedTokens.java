package dev.switchboard.core.auth.impl;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Tokens by key (a backend, or a caller of a backend), each used until shortly before it expires; one token request
 * per key at a time, shared by everyone who needs it meanwhile. Bounded: when full, expired tokens are dropped and a
 * new token is used without being kept.
 *
 * @param <K> the key
 */
final class IssuedTokens<K> {
  private final ConcurrentHashMap<K, TokenEndpoint.IssuedToken> tokens = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<K, Future<TokenEndpoint.IssuedToken>> pending = new ConcurrentHashMap<>();
  private final int maxEntries;
  private final long refreshBeforeMillis;
  private final LongSupplier clock;

  IssuedTokens(int maxEntries, long refreshBeforeMillis, LongSupplier clock) {
    this.maxEntries = maxEntries;
    this.refreshBeforeMillis = refreshBeforeMillis;
    this.clock = clock;
  }

  Future<String> get(K key, Function<K, Future<TokenEndpoint.IssuedToken>> fetch) {
    TokenEndpoint.IssuedToken cached = tokens.get(key);
    if (cached != null && clock.getAsLong() < cached.expiresAtMillis() - refreshBeforeMillis) {
      return Future.succeededFuture(cached.token());
    }
    Future<TokenEndpoint.IssuedToken> running = pending.get(key);
    if (running != null) {
      return running.map(TokenEndpoint.IssuedToken::token);
    }
    Promise<TokenEndpoint.IssuedToken> promise = Promise.promise();
    running = pending.putIfAbsent(key, promise.future());
    if (running != null) {
      return running.map(TokenEndpoint.IssuedToken::token);
    }
    fetch.apply(key).onComplete(done -> {
      pending.remove(key, promise.future());
      if (done.succeeded()) {
        keep(key, done.result());
      }
      promise.handle(done);
    });
    return promise.future().map(TokenEndpoint.IssuedToken::token);
  }

  private void keep(K key, TokenEndpoint.IssuedToken token) {
    if (!tokens.containsKey(key) && tokens.size() >= maxEntries) {
      long now = clock.getAsLong();
      tokens.values().removeIf(t -> now >= t.expiresAtMillis());
      if (tokens.size() >= maxEntries) {
        return;
      }
    }
    tokens.put(key, token);
  }
}
