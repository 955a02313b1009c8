package dev.switchboard.launcher.config;

import dev.switchboard.core.health.BreakerOptions;
import dev.switchboard.core.health.HealthOptions;

/** Maps {@code backends[i].health} and {@code backends[i].circuitBreaker}. */
final class HealthSection {
  private HealthSection() {
  }

  static HealthOptions health(ConfigNode node) {
    node.requireKeys("interval", "timeout", "unhealthyThreshold", "healthyThreshold", "registrationDeadline");
    return new HealthOptions(node.get("interval").duration(HealthOptions.DEFAULT_INTERVAL),
      node.get("timeout").duration(HealthOptions.DEFAULT_TIMEOUT),
      node.get("unhealthyThreshold").integer(HealthOptions.DEFAULT_UNHEALTHY_THRESHOLD, 1, 1000),
      node.get("healthyThreshold").integer(HealthOptions.DEFAULT_HEALTHY_THRESHOLD, 1, 1000),
      node.get("registrationDeadline").duration(HealthOptions.DEFAULT_REGISTRATION_DEADLINE));
  }

  static BreakerOptions breaker(ConfigNode node) {
    node.requireKeys("failureThreshold", "openFor");
    return new BreakerOptions(node.get("failureThreshold").integer(BreakerOptions.DEFAULT_FAILURE_THRESHOLD, 1, 1000),
      node.get("openFor").duration(BreakerOptions.DEFAULT_OPEN_FOR));
  }
}
