package dev.switchboard.core.bus;

import dev.switchboard.core.catalog.CapabilityView;
import java.util.Map;

/**
 * Reply to {@link OpenSession}.
 *
 * @param backendSessions backend name to backend session id, for the backends that answered
 * @param view            the session's capability view
 */
public record SessionOpened(Map<String, String> backendSessions, CapabilityView view) {
  public SessionOpened {
    backendSessions = Map.copyOf(backendSessions);
  }
}
