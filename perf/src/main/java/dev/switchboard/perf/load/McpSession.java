package dev.switchboard.perf.load;

import java.util.List;

/**
 * One client session as the load generator holds it: the {@code Mcp-Session-Id} (none for a stateless caller), the
 * negotiated version and the next request id. Confined to the lane that opened it.
 */
public final class McpSession {
  private final String id;
  private final String protocolVersion;
  private long nextRequestId = 2;
  private int turn;
  private Target home;

  McpSession(String id, String protocolVersion) {
    this.id = id;
    this.protocolVersion = protocolVersion;
  }

  /** A stateless caller (MCP 2026-07-28): no session id; the version travels with each request. */
  static McpSession stateless() {
    return new McpSession(null, McpClient.STATELESS_VERSION);
  }

  /** The session id, or null for a stateless caller. */
  public String id() {
    return id;
  }

  public String protocolVersion() {
    return protocolVersion;
  }

  long nextRequestId() {
    return nextRequestId++;
  }

  /** Keeps every later request of this session on {@code target}. */
  McpSession stayOn(Target target) {
    home = target;
    return this;
  }

  /** The target of the next request: the session's requests take the targets in turn, or stay on its home. */
  Target nextTarget(List<Target> targets) {
    if (home != null) {
      return home;
    }
    Target target = targets.get(turn % targets.size());
    turn = (turn + 1) % targets.size();
    return target;
  }
}
