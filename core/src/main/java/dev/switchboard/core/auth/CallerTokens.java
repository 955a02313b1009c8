package dev.switchboard.core.auth;

import dev.switchboard.core.bus.Identity;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The latest valid token of each authenticated caller, in memory only (never stored, never logged): the subject token
 * of a token exchange. Written by the incoming authentication, read by core. Bounded: entries end with their token's
 * expiry, and when full, expired entries are dropped and a new caller is not kept (its exchanges then fail).
 */
public final class CallerTokens {
  public static final int DEFAULT_MAX_ENTRIES = 100_000;

  private record Entry(String token, long expiresAtMillis) {
  }

  private final ConcurrentHashMap<Identity, Entry> entries = new ConcurrentHashMap<>();
  private final int maxEntries;
  private final LongSupplier clock;

  public CallerTokens(int maxEntries) {
    this(maxEntries, System::currentTimeMillis);
  }

  CallerTokens(int maxEntries, LongSupplier clock) {
    this.maxEntries = maxEntries;
    this.clock = clock;
  }

  public CallerTokens() {
    this(DEFAULT_MAX_ENTRIES);
  }

  /** Records the token a caller just authenticated with (a validated token; cheap when it is already the latest). */
  public void update(Identity caller, String token, long expiresAtMillis) {
    Entry current = entries.get(caller);
    if (current != null && current.token() == token) {
      return;
    }
    if (current == null && entries.size() >= maxEntries) {
      long now = clock.getAsLong();
      entries.values().removeIf(e -> now >= e.expiresAtMillis());
      if (entries.size() >= maxEntries) {
        return;
      }
    }
    entries.put(caller, new Entry(token, expiresAtMillis));
  }

  /** The caller's latest token while it is valid, or null. */
  public String token(Identity caller) {
    Entry entry = entries.get(caller);
    if (entry == null) {
      return null;
    }
    if (clock.getAsLong() >= entry.expiresAtMillis()) {
      entries.remove(caller, entry);
      return null;
    }
    return entry.token();
  }
}
