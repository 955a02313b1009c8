package dev.switchboard.launcher.reload;

import dev.switchboard.launcher.config.GatewayConfig;
import io.vertx.core.Future;

/**
 * Takes a part of a new, already validated configuration while the gateway runs (the backends and aggregation are
 * applied by the reloader itself). Register with {@link ConfigReloader#addHook}; e.g. authorization rules.
 */
@FunctionalInterface
public interface ReloadHook {
  /** Applies what this hook owns of {@code next}; a failure is logged and counted as a failed reload. */
  Future<Void> apply(GatewayConfig previous, GatewayConfig next);
}
