package dev.switchboard.core.impl;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Which backend runs each forwarded request, so that a client's {@code notifications/cancelled} reaches it. Keyed by
 * gateway session and the client's request id (which the backend sees unchanged). Entries live while the request
 * runs.
 */
final class InFlight {
  private final ConcurrentHashMap<String, String> backends = new ConcurrentHashMap<>();

  void started(String sessionId, Object requestId, String backend) {
    backends.put(key(sessionId, requestId), backend);
  }

  void ended(String sessionId, Object requestId) {
    backends.remove(key(sessionId, requestId));
  }

  /** The backend running the request, or null when it is not running here. */
  String backendOf(String sessionId, Object requestId) {
    return backends.get(key(sessionId, requestId));
  }

  int size() {
    return backends.size();
  }

  private static String key(String sessionId, Object requestId) {
    return sessionId + '\u0000' + (requestId instanceof Number ? "n" : "s") + requestId;
  }
}
