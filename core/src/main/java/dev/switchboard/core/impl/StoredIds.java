package dev.switchboard.core.impl;

/**
 * Backend session ids as kept in session maps: a stateless backend (no {@code Mcp-Session-Id}) is kept as the empty
 * string, because the maps hold no nulls.
 */
final class StoredIds {
  private StoredIds() {
  }

  static String toStored(String backendSessionId) {
    return backendSessionId == null ? "" : backendSessionId;
  }

  static String fromStored(String stored) {
    return stored == null || stored.isEmpty() ? null : stored;
  }
}
