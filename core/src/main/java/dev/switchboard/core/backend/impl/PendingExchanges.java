package dev.switchboard.core.backend.impl;

import dev.switchboard.core.backend.BackendException;
import dev.switchboard.core.protocol.RequestIdKey;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The requests in flight on one backend client, by backend session and JSON-RPC id, so that a cancellation can find
 * the exchange to abort. Bounded: beyond {@link #MAX_REQUESTS} new requests fail fast (give or take the requests
 * added at the same moment on other event loops: the bound reads the map's size rather than keeping a counter of its
 * own, which every call on every loop would write). Thread-safe.
 */
final class PendingExchanges {
  /** Most requests in flight at once on one backend client. */
  static final int MAX_REQUESTS = 10_000;

  private record Key(String sessionId, String id) {
  }

  private final String backend;
  private final ConcurrentMap<Key, Exchange<?>> exchanges = new ConcurrentHashMap<>();

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
    if (exchanges.size() >= MAX_REQUESTS) {
      throw new BackendException(backend, BackendException.Kind.UNREACHABLE, MAX_REQUESTS
        + " requests already in flight");
    }
    Key key = new Key(sessionId, RequestIdKey.of(id));
    if (exchanges.putIfAbsent(key, exchange) != null) {
      throw new IllegalStateException("request id " + FailureClassifier.snippet(String.valueOf(id), 64)
        + " is already in flight on this session");
    }
    exchange.future().onComplete(ignored -> exchanges.remove(key, exchange));
  }

  /** The exchange of a request in flight, or null. */
  Exchange<?> get(String sessionId, Object id) {
    return exchanges.get(new Key(sessionId, RequestIdKey.of(id)));
  }
}
