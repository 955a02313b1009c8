package dev.switchboard.it.limits;

import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.it.GatewayHarness;
import dev.switchboard.launcher.Gateway;
import dev.switchboard.launcher.config.GatewayConfig;
import dev.switchboard.session.SessionStoreOptions;
import dev.switchboard.transport.TransportOptions;
import dev.switchboard.transport.limits.LimitsOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** A gateway with given limits (and the default 4 MiB body limit), plus the measurements the limit tests share. */
final class LimitsHarness {
  private LimitsHarness() {
  }

  static TransportOptions transport(LimitsOptions limits) {
    return new TransportOptions("127.0.0.1", 0, "/mcp", 2, TransportOptions.DEFAULT_MAX_BODY_BYTES, 32, List.of(),
      List.of(), Duration.ofSeconds(10), limits);
  }

  static Future<Gateway> start(Vertx vertx, LimitsOptions limits, List<BackendOptions> backends) {
    return start(vertx, limits, backends, Duration.ofMinutes(5));
  }

  static Future<Gateway> start(Vertx vertx, LimitsOptions limits, List<BackendOptions> backends, Duration ttl) {
    return Gateway.start(vertx, new GatewayConfig(transport(limits), backends, AggregationOptions.defaults(),
      new SessionStoreOptions("memory", ttl, Duration.ofSeconds(1), null, null)));
  }

  static BackendOptions backend(String name, String url) {
    return GatewayHarness.backend(name, url, Duration.ofSeconds(10));
  }

  /** Live heap after full collections, in bytes. */
  static long liveHeap() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  /** Waits (at most {@code within}) for {@code condition}; true if it held in time. */
  static boolean eventually(Duration within, BooleanSupplier condition) {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return condition.getAsBoolean();
  }
}
