package dev.switchboard.core.bus;

import dev.switchboard.core.catalog.CapabilityView;
import dev.switchboard.core.catalog.CatalogKind;
import java.util.Map;
import java.util.Set;

/**
 * A backend announced a list change, went down or came back; core recomputed the session's view.
 *
 * @param view            the session's new view
 * @param changed         the kinds whose exposed lists differ from before (the client is notified of these only)
 * @param backendSessions the session's new backend sessions when they changed (a backend left or joined the session,
 *                        or its session was renewed), else null
 */
public record ViewChanged(CapabilityView view, Set<CatalogKind> changed, Map<String, String> backendSessions) {
  public ViewChanged(CapabilityView view, Set<CatalogKind> changed) {
    this(view, changed, null);
  }
}
