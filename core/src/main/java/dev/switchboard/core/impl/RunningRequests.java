package dev.switchboard.core.impl;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Which backend runs each forwarded request, so that a client's {@code notifications/cancelled} reaches it. Keyed by
 * gateway session and the client's request id (which the backend sees unchanged). Entries live while the request
 * runs.
 */
final class RunningRequests {
  private final ConcurrentHashMap<String, String> backends = new ConcurrentHashMap<>();

  /** False when a request with this id already runs in the session (ids must be unique). */
  boolean started(String sessionId, Object requestId, String backend) {
    return backends.putIfAbsent(key(sessionId, requestId), backend) == null;
  }

  void ended(String sessionId, Object requestId, String backend) {
    backends.remove(key(sessionId, requestId), backend);
  }

  /** The backend running the request, or null when it is not running here. */
  String backendOf(String sessionId, Object requestId) {
    return backends.get(key(sessionId, requestId));
  }

  private static String key(String sessionId, Object requestId) {
    return sessionId + '\u0000' + (requestId instanceof Number ? "n" : "s") + requestId;
  }
}
