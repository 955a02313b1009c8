package dev.switchboard.session;

/** Phase of a session's two-phase creation. */
public enum SessionState {
  /** Issued at {@code initialize}; backend sessions not open yet. */
  PENDING,
  /** Registered: backend sessions open, capability view computed. */
  ACTIVE
}
