package dev.switchboard.transport.stateless;

import java.time.Duration;

/**
 * The {@code stateless:} section: what the gateway holds for stateless (MCP 2026-07-28) callers.
 *
 * @param maxHeldSessions        backend-session sets held for stateless callers at once, one per (identity, declared
 *                               client capabilities); beyond, the least recently used is closed
 * @param maxHeldSessionsPerIdentity such sets of one identity at once (callers that relay different client features
 *                               get different sets)
 * @param heldSessionIdleTimeout a held set unused this long is closed
 * @param listTtl                {@code ttlMs} on list results and {@code server/discover}
 * @param requestStateKey        the key that signs the gateway's {@code requestState} (HMAC-SHA256); all instances
 *                               behind one load balancer need the same key (at least 32 characters); null: a random
 *                               key per process
 * @param requestStateTtl        how long an {@code input_required} result can be answered
 * @param inputWindow            how long the gateway waits for more of a backend's requests to the client before it
 *                               answers {@code input_required} with those it has
 * @param maxParkedCalls         calls waiting for the client's input at once (on this instance)
 * @param maxListenStreams       open {@code subscriptions/listen} streams at once (on this instance)
 */
public record StatelessOptions(int maxHeldSessions, int maxHeldSessionsPerIdentity, Duration heldSessionIdleTimeout,
                               Duration listTtl, String requestStateKey, Duration requestStateTtl, Duration inputWindow,
                               int maxParkedCalls, int maxListenStreams) {
  public static final int DEFAULT_MAX_HELD_SESSIONS = 1_000;
  public static final int DEFAULT_MAX_HELD_SESSIONS_PER_IDENTITY = 8;
  public static final Duration DEFAULT_HELD_SESSION_IDLE_TIMEOUT = Duration.ofMinutes(5);
  public static final Duration DEFAULT_LIST_TTL = Duration.ZERO;
  public static final Duration DEFAULT_REQUEST_STATE_TTL = Duration.ofMinutes(10);
  public static final Duration DEFAULT_INPUT_WINDOW = Duration.ofMillis(20);
  public static final int DEFAULT_MAX_PARKED_CALLS = 10_000;
  public static final int DEFAULT_MAX_LISTEN_STREAMS = 10_000;

  public StatelessOptions {
    maxHeldSessions = maxHeldSessions <= 0 ? DEFAULT_MAX_HELD_SESSIONS : maxHeldSessions;
    maxHeldSessionsPerIdentity = maxHeldSessionsPerIdentity <= 0 ? DEFAULT_MAX_HELD_SESSIONS_PER_IDENTITY
      : maxHeldSessionsPerIdentity;
    heldSessionIdleTimeout = positive(heldSessionIdleTimeout, DEFAULT_HELD_SESSION_IDLE_TIMEOUT);
    listTtl = listTtl == null || listTtl.isNegative() ? DEFAULT_LIST_TTL : listTtl;
    requestStateKey = requestStateKey == null || requestStateKey.isEmpty() ? null : requestStateKey;
    requestStateTtl = positive(requestStateTtl, DEFAULT_REQUEST_STATE_TTL);
    inputWindow = inputWindow == null || inputWindow.isNegative() ? DEFAULT_INPUT_WINDOW : inputWindow;
    maxParkedCalls = maxParkedCalls <= 0 ? DEFAULT_MAX_PARKED_CALLS : maxParkedCalls;
    maxListenStreams = maxListenStreams <= 0 ? DEFAULT_MAX_LISTEN_STREAMS : maxListenStreams;
  }

  public static StatelessOptions defaults() {
    return new StatelessOptions(0, 0, null, null, null, null, null, 0, 0);
  }

  private static Duration positive(Duration value, Duration fallback) {
    return value == null || value.isZero() || value.isNegative() ? fallback : value;
  }

  @Override
  public String toString() {
    // the key is a secret
    return "StatelessOptions[maxHeldSessions=" + maxHeldSessions + ", maxHeldSessionsPerIdentity="
      + maxHeldSessionsPerIdentity + ", heldSessionIdleTimeout=" + heldSessionIdleTimeout
      + ", listTtl=" + listTtl + ", requestStateKey=" + (requestStateKey == null ? "random" : "(set)")
      + ", requestStateTtl=" + requestStateTtl + ", inputWindow=" + inputWindow + ", maxParkedCalls=" + maxParkedCalls
      + ", maxListenStreams=" + maxListenStreams + "]";
  }
}
