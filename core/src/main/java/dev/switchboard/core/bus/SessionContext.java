package dev.switchboard.core.bus;

import dev.switchboard.core.catalog.CapabilityView;
import java.util.Map;

/**
 * A registered session as it travels with each call.
 *
 * @param client          the client session
 * @param backendSessions backend name to that backend's session id (absent: the backend was left out)
 * @param view            the session's merged capability view
 */
public record SessionContext(ClientSession client, Map<String, String> backendSessions, CapabilityView view) {
  public SessionContext {
    backendSessions = Map.copyOf(backendSessions);
  }
}
