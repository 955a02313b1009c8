package dev.switchboard.transport.auth.impl;

import io.vertx.core.Future;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import java.util.function.LongSupplier;

/**
 * Refetches the authorization server's JWKS when a token names a key id the gateway has not seen (key rotation),
 * debounced: at most one fetch per minimum interval, and concurrent requests share the fetch in flight. A failed fetch
 * keeps the known keys.
 */
final class KeyRefresher {
  private static final System.Logger LOG = System.getLogger(KeyRefresher.class.getName());

  private final OAuth2Auth auth;
  private final long minIntervalNanos;
  private final LongSupplier nanoTime;
  private Future<Boolean> inFlight;
  private long lastStartNanos;
  private boolean started;

  KeyRefresher(OAuth2Auth auth, long minIntervalNanos, LongSupplier nanoTime) {
    this.auth = auth;
    this.minIntervalNanos = minIntervalNanos;
    this.nanoTime = nanoTime;
  }

  /** Completes with true when a fetch ran (and succeeded); false when debounced or failed. Never fails. */
  synchronized Future<Boolean> refresh() {
    if (inFlight != null && !inFlight.isComplete()) {
      return inFlight;
    }
    long now = nanoTime.getAsLong();
    if (started && now - lastStartNanos < minIntervalNanos) {
      return Future.succeededFuture(false);
    }
    started = true;
    lastStartNanos = now;
    inFlight = auth.jWKSet().map(true).otherwise(err -> {
      LOG.log(System.Logger.Level.WARNING, "could not refetch the authorization server''s keys: {0}",
        err.getMessage());
      return false;
    });
    return inFlight;
  }
}
