/**
 * Capability aggregation: the catalogs of many backends merged into one {@link dev.switchboard.core.catalog.CapabilityView}
 * with unique names (prefix, priority or manual conflict resolution), per-backend filters and overrides, and the
 * routes back to the owning backend. Pure functions over JSON; no I/O.
 */
package dev.switchboard.core.catalog;
