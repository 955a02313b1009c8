package dev.switchboard.core.health;

/** A backend's circuit; {@link #gauge()} is the value of {@code mcp_backend_circuit_state}. */
public enum CircuitState {
  /** Up: calls go through. */
  CLOSED(0),
  /** Down: calls fail at once until {@link BreakerOptions#openFor()} has passed. */
  OPEN(1),
  /** Down: the probe is trying it; calls still fail at once. */
  HALF_OPEN(2);

  private final int gauge;

  CircuitState(int gauge) {
    this.gauge = gauge;
  }

  public int gauge() {
    return gauge;
  }
}
