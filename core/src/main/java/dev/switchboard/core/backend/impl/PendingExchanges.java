package dev.switchboard.core.backend.impl;

import dev.switchboard.core.backend.BackendException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests in flight on one backend client, by backend session and JSON-RPC id, so that a cancellation can find
 * the exchange to abort. Bounded: beyond {@link #MAX_REQUESTS} new requests fail fast. Thread-safe.
 */
final class PendingExchanges {
  /** Most requests in flight at once on one backend client. */
  static final int MAX_REQUESTS = 10_000;

  private record Key(String sessionId, String id) {
  }

  private final String backend;
  private final ConcurrentMap<Key, Exchange<?>> exchanges = new ConcurrentHashMap<>();
  private final AtomicInteger size = new AtomicInteger();

  PendingExchanges(String backend) {
    this.backend = backend;
  }

  /**
   * Registers an exchange and removes it again once it has a result.
   *
   * @throws IllegalStateException when the id is already in flight on the session
   * @throws BackendException      UNREACHABLE when {@link #MAX_REQUESTS} are in flight
   */
  void add(String sessionId, Object id, Exchange<?> exchange) {
    if (size.incrementAndGet() > MAX_REQUESTS) {
      size.decrementAndGet();
      throw new BackendException(backend, BackendException.Kind.UNREACHABLE, "more than " + MAX_REQUESTS
        + " requests in flight");
    }
    Key key = new Key(sessionId, RequestIds.key(id));
    if (exchanges.putIfAbsent(key, exchange) != null) {
      size.decrementAndGet();
      throw new IllegalStateException("request id " + FailureClassifier.snippet(String.valueOf(id), 64)
        + " is already in flight on this session");
    }
    exchange.future().onComplete(ignored -> {
      if (exchanges.remove(key, exchange)) {
        size.decrementAndGet();
      }
    });
  }

  /** The exchange of a request in flight, or null. */
  Exchange<?> get(String sessionId, Object id) {
    return exchanges.get(new Key(sessionId, RequestIds.key(id)));
  }

  /** How many requests are in flight. */
  int size() {
    return size.get();
  }
}
