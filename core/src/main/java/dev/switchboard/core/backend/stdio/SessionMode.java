package dev.switchboard.core.backend.stdio;

/** How client sessions map onto the processes of a stdio backend. */
public enum SessionMode {
  /** One process, one MCP session, multiplexed for every client session (the default). */
  SHARED,
  /** One process per client session, started when the session opens and stopped when it closes. */
  PER_SESSION
}
