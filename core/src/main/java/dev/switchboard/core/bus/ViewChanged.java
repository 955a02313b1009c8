package dev.switchboard.core.bus;

import dev.switchboard.core.catalog.CapabilityView;
import dev.switchboard.core.catalog.CatalogKind;
import java.util.Set;

/**
 * A backend announced a list change; core recomputed the session's view.
 *
 * @param view    the session's new view
 * @param changed the kinds whose exposed lists differ from before (the client is notified of these only)
 */
public record ViewChanged(CapabilityView view, Set<CatalogKind> changed) {
}
