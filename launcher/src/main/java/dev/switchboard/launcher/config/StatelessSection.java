package dev.switchboard.launcher.config;

import dev.switchboard.transport.stateless.RequestStates;
import dev.switchboard.transport.stateless.StatelessOptions;

/** Maps {@code stateless:} (what the gateway holds for MCP 2026-07-28 callers) onto {@link StatelessOptions}. */
final class StatelessSection {
  private StatelessSection() {
  }

  static StatelessOptions map(ConfigNode stateless) {
    stateless.requireKeys("maxHeldSessions", "maxHeldSessionsPerIdentity", "heldSessionIdleTimeout", "listTtl", "requestStateKey",
      "requestStateTtl", "inputWindow", "maxParkedCalls", "maxListenStreams");
    String key = stateless.get("requestStateKey").text(null);
    if (key != null && key.length() < RequestStates.MIN_KEY_LENGTH) {
      // the value is a secret: its length is named, never the value
      throw stateless.get("requestStateKey").fail("needs at least " + RequestStates.MIN_KEY_LENGTH
        + " characters (it has " + key.length() + ")");
    }
    return new StatelessOptions(
      stateless.get("maxHeldSessions").integer(StatelessOptions.DEFAULT_MAX_HELD_SESSIONS, 1, Integer.MAX_VALUE),
      stateless.get("maxHeldSessionsPerIdentity").integer(StatelessOptions.DEFAULT_MAX_HELD_SESSIONS_PER_IDENTITY, 1,
        Integer.MAX_VALUE),
      stateless.get("heldSessionIdleTimeout").duration(StatelessOptions.DEFAULT_HELD_SESSION_IDLE_TIMEOUT),
      stateless.get("listTtl").duration(StatelessOptions.DEFAULT_LIST_TTL),
      key,
      stateless.get("requestStateTtl").duration(StatelessOptions.DEFAULT_REQUEST_STATE_TTL),
      stateless.get("inputWindow").duration(StatelessOptions.DEFAULT_INPUT_WINDOW),
      stateless.get("maxParkedCalls").integer(StatelessOptions.DEFAULT_MAX_PARKED_CALLS, 1, Integer.MAX_VALUE),
      stateless.get("maxListenStreams").integer(StatelessOptions.DEFAULT_MAX_LISTEN_STREAMS, 1, Integer.MAX_VALUE));
  }
}
