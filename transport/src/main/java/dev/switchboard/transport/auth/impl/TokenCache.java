package dev.switchboard.transport.auth.impl;

import dev.switchboard.transport.auth.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Validated tokens, keyed by the SHA-256 of the token (the token itself is not a key), each kept for at most the cache
 * TTL and never beyond the token's {@code exp}. Bounded: when full, expired entries are dropped, and if it is still
 * full the new validation is simply not kept.
 */
final class TokenCache {
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  });

  private record Entry(Caller caller, long expiresAtMillis) {
  }

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final int maxEntries;
  private final long ttlMillis;
  private final LongSupplier clock;

  TokenCache(int maxEntries, long ttlMillis, LongSupplier clock) {
    this.maxEntries = maxEntries;
    this.ttlMillis = ttlMillis;
    this.clock = clock;
  }

  static String key(String token) {
    byte[] digest = SHA256.get().digest(token.getBytes(StandardCharsets.ISO_8859_1));
    return new String(digest, StandardCharsets.ISO_8859_1);
  }

  /** The cached caller, or null. */
  Caller get(String key) {
    Entry entry = entries.get(key);
    if (entry == null) {
      return null;
    }
    if (clock.getAsLong() >= entry.expiresAtMillis()) {
      entries.remove(key, entry);
      return null;
    }
    return entry.caller();
  }

  void put(String key, Caller caller) {
    if (maxEntries == 0) {
      return;
    }
    long now = clock.getAsLong();
    if (entries.size() >= maxEntries) {
      entries.values().removeIf(e -> now >= e.expiresAtMillis());
      if (entries.size() >= maxEntries) {
        return;
      }
    }
    entries.put(key, new Entry(caller, Math.min(caller.expiresAtMillis(), now + ttlMillis)));
  }

  int size() {
    return entries.size();
  }
}
