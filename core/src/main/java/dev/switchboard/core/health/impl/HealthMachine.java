package dev.switchboard.core.health.impl;

import dev.switchboard.core.health.BreakerOptions;
import dev.switchboard.core.health.CircuitState;
import dev.switchboard.core.health.HealthOptions;
import java.util.function.LongSupplier;

/**
 * The one health state of a backend, fed by the active probe and by live calls.
 *
 * <ul>
 *   <li>{@code CLOSED} (up): {@code failureThreshold} consecutive failed calls, or {@code unhealthyThreshold}
 *       consecutive failed probes, open the circuit. Any success resets both counts.</li>
 *   <li>{@code OPEN} (down): calls fail at once. After {@code openFor} the next probe tick makes it half-open.</li>
 *   <li>{@code HALF_OPEN} (down): only the probe tries the backend, at every interval; {@code healthyThreshold}
 *       consecutive successful probes close the circuit, a failed probe starts the count again.</li>
 * </ul>
 * A backend that fails at start-up starts half-open: it is probed at every interval. Thread-safe.
 */
public final class HealthMachine {
  /** What an event did to the backend's availability. */
  public enum Change { NONE, WENT_DOWN, CAME_UP }

  private final HealthOptions health;
  private final BreakerOptions breaker;
  private final LongSupplier nanoTime;
  /** Read without the lock on every call ({@link #up()}); written under it. */
  private volatile CircuitState state = CircuitState.CLOSED;
  /** Volatile so that {@link #callSucceeded()} can skip the lock when there is nothing to reset. */
  private volatile int callFailures;
  private volatile int probeFailures;
  private int probeSuccesses;
  private long openedAt;

  public HealthMachine(HealthOptions health, BreakerOptions breaker, LongSupplier nanoTime) {
    this.health = health;
    this.breaker = breaker;
    this.nanoTime = nanoTime;
  }

  public CircuitState state() {
    return state;
  }

  /** True while calls may go to the backend (the circuit is closed). Lock-free: read on every call. */
  public boolean up() {
    return state == CircuitState.CLOSED;
  }

  /** The backend did not answer at start-up: down, and probed at every interval. */
  public synchronized Change failedAtStartUp() {
    boolean wasUp = state == CircuitState.CLOSED;
    state = CircuitState.HALF_OPEN;
    probeSuccesses = 0;
    return wasUp ? Change.WENT_DOWN : Change.NONE;
  }

  /** Its supervisor saw the backend go down (its process exited): down until {@link #supervisedUp()} or a probe. */
  public synchronized Change supervisedDown() {
    return open();
  }

  /** Its supervisor saw the backend come back (its process restarted and answered {@code initialize}). */
  public synchronized Change supervisedUp() {
    boolean wasUp = state == CircuitState.CLOSED;
    state = CircuitState.CLOSED;
    callFailures = 0;
    probeFailures = 0;
    probeSuccesses = 0;
    return wasUp ? Change.NONE : Change.CAME_UP;
  }

  /** A live call got an answer (a result or a JSON-RPC error). Lock-free unless there are failures to reset. */
  public void callSucceeded() {
    if (callFailures == 0 && probeFailures == 0) {
      return;
    }
    resetAfterSuccess();
  }

  private synchronized void resetAfterSuccess() {
    if (state == CircuitState.CLOSED) {
      callFailures = 0;
      probeFailures = 0;
    }
  }

  /** A live call failed for a reason that says the backend is unwell. */
  public synchronized Change callFailed() {
    if (state != CircuitState.CLOSED) {
      return Change.NONE;
    }
    callFailures++;
    return callFailures >= breaker.failureThreshold() ? open() : Change.NONE;
  }

  /**
   * Whether a probe should run now: always when up or half-open; when open, once {@code openFor} has passed, which
   * makes the circuit half-open.
   */
  public synchronized boolean probeDue() {
    if (state == CircuitState.OPEN && nanoTime.getAsLong() - openedAt >= breaker.openFor().toNanos()) {
      state = CircuitState.HALF_OPEN;
      probeSuccesses = 0;
    }
    return state != CircuitState.OPEN;
  }

  public synchronized Change probeSucceeded() {
    switch (state) {
      case CLOSED -> {
        callFailures = 0;
        probeFailures = 0;
        return Change.NONE;
      }
      case HALF_OPEN -> {
        probeSuccesses++;
        if (probeSuccesses >= health.healthyThreshold()) {
          state = CircuitState.CLOSED;
          callFailures = 0;
          probeFailures = 0;
          return Change.CAME_UP;
        }
        return Change.NONE;
      }
      default -> {
        return Change.NONE;
      }
    }
  }

  public synchronized Change probeFailed() {
    switch (state) {
      case CLOSED -> {
        probeFailures++;
        return probeFailures >= health.unhealthyThreshold() ? open() : Change.NONE;
      }
      case HALF_OPEN -> {
        probeSuccesses = 0;
        return Change.NONE;
      }
      default -> {
        return Change.NONE;
      }
    }
  }

  private Change open() {
    boolean wasUp = state == CircuitState.CLOSED;
    state = CircuitState.OPEN;
    openedAt = nanoTime.getAsLong();
    probeSuccesses = 0;
    return wasUp ? Change.WENT_DOWN : Change.NONE;
  }
}
