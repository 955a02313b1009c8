package dev.switchboard.transport.auth.impl;

import io.vertx.core.Future;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Refetches the authorization server's JWKS when a token names a key id the gateway has not seen (key rotation),
 * debounced: at most one fetch per minimum interval, and concurrent requests share the fetch in flight. A failed fetch
 * keeps the known keys.
 *
 * <p>{@link #refresh()} says only that the key set is now as fresh as the debounce allows, never whether this call
 * fetched: a caller whose key was missing checks its token again either way. Another request's fetch may have brought
 * the key between this caller's first check and its refresh, which the debounce then skips.
 */
final class KeyRefresher {
  private static final System.Logger LOG = System.getLogger(KeyRefresher.class.getName());

  private final Supplier<Future<Void>> fetch;
  private final long minIntervalNanos;
  private final LongSupplier nanoTime;
  private Future<Void> inFlight;
  private long lastStartNanos;
  private boolean started;

  /**
   * @param fetch fetches the key set and installs it before its future completes
   */
  KeyRefresher(Supplier<Future<Void>> fetch, long minIntervalNanos, LongSupplier nanoTime) {
    this.fetch = fetch;
    this.minIntervalNanos = minIntervalNanos;
    this.nanoTime = nanoTime;
  }

  /**
   * Completes when the keys are as fresh as allowed: when the fetch in flight or a new one ends, or at once when the
   * last fetch started less than the minimum interval ago. Never fails.
   */
  synchronized Future<Void> refresh() {
    if (inFlight != null && !inFlight.isComplete()) {
      return inFlight;
    }
    long now = nanoTime.getAsLong();
    if (started && now - lastStartNanos < minIntervalNanos) {
      return Future.succeededFuture();
    }
    started = true;
    lastStartNanos = now;
    inFlight = fetch.get().recover(err -> {
      LOG.log(System.Logger.Level.WARNING, "could not refetch the authorization server''s keys: {0}",
        err.getMessage());
      return Future.succeededFuture();
    });
    return inFlight;
  }
}
