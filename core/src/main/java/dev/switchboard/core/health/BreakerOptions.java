package dev.switchboard.core.health;

import java.time.Duration;

/**
 * The circuit breaker of one backend, fed by the outcome of live calls. Connection failures, timeouts and HTTP 5xx
 * are failures; a JSON-RPC error is an answer; a full connection pool is backpressure and counts as nothing.
 *
 * @param failureThreshold consecutive failed calls that open the circuit (the backend is then down)
 * @param openFor          how long the circuit stays open before the probe may try it again (half-open)
 */
public record BreakerOptions(int failureThreshold, Duration openFor) {
  public static final int DEFAULT_FAILURE_THRESHOLD = 5;
  public static final Duration DEFAULT_OPEN_FOR = Duration.ofSeconds(30);

  public BreakerOptions {
    failureThreshold = failureThreshold <= 0 ? DEFAULT_FAILURE_THRESHOLD : failureThreshold;
    openFor = openFor == null ? DEFAULT_OPEN_FOR : openFor;
  }

  public static BreakerOptions defaults() {
    return new BreakerOptions(0, null);
  }
}
