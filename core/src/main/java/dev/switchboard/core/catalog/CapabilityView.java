package dev.switchboard.core.catalog;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One session's merged, immutable view of its backends: the items clients list (already renamed and filtered) and
 * the route behind each. Views with equal content have equal {@link #fingerprint()} and may be shared by sessions.
 */
public interface CapabilityView {

  /** A stable hash of the view's content (hex); equal views have equal fingerprints. */
  String fingerprint();

  /** The exposed items of one kind, in a stable order. The objects must not be modified. */
  List<JsonObject> items(CatalogKind kind);

  /** The route of an exposed tool name. */
  Optional<Route> tool(String exposedName);

  /** The route of an exposed prompt name. */
  Optional<Route> prompt(String exposedName);

  /** The backend that serves a resource URI: an exact resource match first, then the first template that matches. */
  Optional<Route> resource(String uri);

  /** The backends that contributed to the view. */
  Set<String> backends();

  /**
   * One page of a merged list answer: {@code {<field>: [...], nextCursor?}}. The cursor is opaque to clients.
   *
   * @param cursor the client's cursor, or null for the first page
   * @throws dev.switchboard.core.protocol.McpException -32602 for a cursor this view did not issue
   */
  JsonObject page(CatalogKind kind, String cursor);
}
