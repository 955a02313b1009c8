package dev.switchboard.session;

import java.util.Map;

/**
 * A session that ended because its TTL ran out, reported once across every instance sharing the store, so that its
 * backend sessions can be closed as an explicit DELETE would.
 *
 * @param id              the gateway session id
 * @param backendSessions backend name to stored backend session id (empty while the session was pending)
 */
public record ExpiredSession(String id, Map<String, String> backendSessions) {
  public ExpiredSession {
    backendSessions = backendSessions == null ? Map.of() : Map.copyOf(backendSessions);
  }
}
