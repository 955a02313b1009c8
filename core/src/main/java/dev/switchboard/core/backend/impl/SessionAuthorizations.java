package dev.switchboard.core.backend.impl;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code Authorization} value each backend session is sent with, when it depends on the caller (set by core
 * before each request, from the backend's outgoing credentials). Bounded: beyond the limit a session is not kept and
 * its requests go without (the backend then refuses them). Values never appear in messages.
 */
final class SessionAuthorizations {
  private final ConcurrentHashMap<String, String> values = new ConcurrentHashMap<>();
  private final int maxEntries;

  SessionAuthorizations(int maxEntries) {
    this.maxEntries = maxEntries;
  }

  void put(String sessionId, String authorization) {
    if (sessionId == null) {
      return;
    }
    if (authorization == null) {
      values.remove(sessionId);
    } else if (values.size() < maxEntries || values.containsKey(sessionId)) {
      values.put(sessionId, authorization);
    }
  }

  void remove(String sessionId) {
    if (sessionId != null) {
      values.remove(sessionId);
    }
  }

  void apply(RequestOptions request, String sessionId) {
    String value = sessionId == null ? null : values.get(sessionId);
    if (value != null) {
      request.putHeader(HttpHeaders.AUTHORIZATION, value);
    }
  }
}
