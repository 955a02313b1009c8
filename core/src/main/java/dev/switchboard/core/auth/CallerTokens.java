package dev.switchboard.core.auth;

import dev.switchboard.core.bus.Identity;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The latest valid token of each authenticated caller, with its scopes and claims, in memory only (never stored,
 * never logged): the subject token of a token exchange, and what per-tool authorization decides on. Written by the
 * incoming authentication, read by core. Bounded: entries end with their token's
 * expiry, and when full, expired entries are dropped and a new caller is not kept (its exchanges then fail).
 */
public final class CallerTokens {
  public static final int DEFAULT_MAX_ENTRIES = 100_000;

  /**
   * What a caller's latest token grants.
   *
   * @param token           the token (never logged: {@link #toString()} leaves it out)
   * @param expiresAtMillis its expiry
   * @param scopes          its scopes
   * @param claims          its claims
   */
  public record Grant(String token, long expiresAtMillis, Set<String> scopes, JsonObject claims) {
    @Override
    public String toString() {
      return "Grant[scopes=" + scopes + "]";
    }
  }

  private final ConcurrentHashMap<Identity, Grant> entries = new ConcurrentHashMap<>();
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
  public void update(Identity caller, String token, long expiresAtMillis, Set<String> scopes, JsonObject claims) {
    Grant current = entries.get(caller);
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
    entries.put(caller, new Grant(token, expiresAtMillis, Set.copyOf(scopes), claims));
  }

  /** The caller's latest token while it is valid, or null. */
  public String token(Identity caller) {
    Grant grant = grant(caller);
    return grant == null ? null : grant.token();
  }

  /** The caller's latest grant while its token is valid, or null (anonymous, or expired). */
  public Grant grant(Identity caller) {
    Grant grant = entries.get(caller);
    if (grant == null) {
      return null;
    }
    if (clock.getAsLong() >= grant.expiresAtMillis()) {
      entries.remove(caller, grant);
      return null;
    }
    return grant;
  }
}
