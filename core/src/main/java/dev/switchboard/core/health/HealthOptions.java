package dev.switchboard.core.health;

import java.time.Duration;

/**
 * The active probe of one backend: an MCP {@code ping} on a probe session.
 *
 * @param interval             time between two probes (one probe at a time per backend)
 * @param timeout              how long a probe may take before it counts as a failure
 * @param unhealthyThreshold   consecutive failed probes that take a backend that is up down
 * @param healthyThreshold     consecutive successful probes that bring a backend that is down back up
 * @param registrationDeadline how long a new session waits for this backend before it is registered without it
 *                             (the backend joins the session when it answers, if the client listens)
 */
public record HealthOptions(Duration interval, Duration timeout, int unhealthyThreshold, int healthyThreshold,
                            Duration registrationDeadline) {
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
  public static final int DEFAULT_UNHEALTHY_THRESHOLD = 3;
  public static final int DEFAULT_HEALTHY_THRESHOLD = 1;
  public static final Duration DEFAULT_REGISTRATION_DEADLINE = Duration.ofSeconds(5);

  public HealthOptions {
    interval = interval == null ? DEFAULT_INTERVAL : interval;
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    unhealthyThreshold = unhealthyThreshold <= 0 ? DEFAULT_UNHEALTHY_THRESHOLD : unhealthyThreshold;
    healthyThreshold = healthyThreshold <= 0 ? DEFAULT_HEALTHY_THRESHOLD : healthyThreshold;
    registrationDeadline = registrationDeadline == null ? DEFAULT_REGISTRATION_DEADLINE : registrationDeadline;
  }

  public static HealthOptions defaults() {
    return new HealthOptions(null, null, 0, 0, null);
  }
}
