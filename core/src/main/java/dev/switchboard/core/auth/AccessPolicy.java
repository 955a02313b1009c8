package dev.switchboard.core.auth;

import dev.switchboard.core.auth.impl.CompiledAccessPolicy;
import dev.switchboard.core.bus.Identity;
import dev.switchboard.core.catalog.CatalogKind;
import io.vertx.core.json.JsonObject;

/**
 * Per-tool authorization, compiled once per configuration: decisions are in memory (the caller's scopes and claims
 * come from {@link CallerTokens}), with no store round trip.
 */
public interface AccessPolicy {

  /** Allows everything (no {@code auth.authorization}). */
  AccessPolicy ALLOW_ALL = new AccessPolicy() {
    @Override
    public boolean allows(CatalogKind kind, String name, Identity caller) {
      return true;
    }

    @Override
    public JsonObject filter(CatalogKind kind, JsonObject page, Identity caller) {
      return page;
    }
  };

  static AccessPolicy compile(AuthorizationOptions options, CallerTokens callers) {
    return options.rules().isEmpty() && options.defaultAllow() ? ALLOW_ALL
      : new CompiledAccessPolicy(options, callers);
  }

  /**
   * @param kind {@code TOOLS}, {@code PROMPTS}, or {@code RESOURCES} / {@code RESOURCE_TEMPLATES} (a URI or URI
   *             template)
   * @param name the name (or URI) the client sees
   */
  boolean allows(CatalogKind kind, String name, Identity caller);

  /** A list page without the items the caller may not use. */
  JsonObject filter(CatalogKind kind, JsonObject page, Identity caller);
}
