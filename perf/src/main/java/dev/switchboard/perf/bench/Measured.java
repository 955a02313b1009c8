package dev.switchboard.perf.bench;

import dev.switchboard.perf.load.LoadResult;
import dev.switchboard.perf.proc.CpuTime;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;
import java.util.Locale;

/**
 * One measured window of the comparison.
 *
 * @param round       repetition, from 1
 * @param concurrency sessions / connections
 * @param target      direct, gateway or nginx
 * @param result      the load result
 * @param cpu         CPU time the proxy process (gateway JVM, nginx master+worker) used in the window; null for
 *                    direct or when unknown
 * @param cpuByRole   for a JVM proxy: that CPU time split by thread role (event-loop, jit, gc, other)
 */
record Measured(int round, int concurrency, String target, LoadResult result, CpuTime cpu,
                Map<String, Long> cpuByRole) {
  /** The proxy's CPU nanoseconds in the window, user and system, or -1. */
  long cpuNanos() {
    return cpu == null ? -1 : cpu.totalNanos();
  }

  /**
   * The proxy's system (kernel) CPU microseconds per successful request, or -1: its sockets' share, which any proxy
   * pays; the rest of {@link #cpuMicrosPerRequest()} is its own code.
   */
  double systemMicrosPerRequest() {
    return cpu == null || result.requests() == 0 ? -1 : cpu.systemNanos() / 1e3 / result.requests();
  }

  /** Proxy CPU microseconds per successful request, or -1. */
  double cpuMicrosPerRequest() {
    return cpu == null || result.requests() == 0 ? -1 : cpu.totalNanos() / 1e3 / result.requests();
  }

  /** CPU microseconds per request of one thread role, or NaN when not measured. */
  double roleMicrosPerRequest(String role) {
    Long nanos = cpuByRole.get(role);
    return nanos == null || result.requests() == 0 ? Double.NaN : nanos / 1e3 / result.requests();
  }

  /** Cores the proxy kept busy on average during the window, or -1. */
  double cpuCores() {
    return cpu == null || result.elapsedNanos() == 0 ? -1 : (double) cpu.totalNanos() / result.elapsedNanos();
  }

  String rolesBrief() {
    if (cpuByRole.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder(" (");
    new TreeMap<>(cpuByRole).forEach((role, nanos) -> sb.append(sb.length() > 2 ? " " : "").append(role).append(' ')
      .append(String.format(Locale.ROOT, "%.0f", roleMicrosPerRequest(role))));
    return sb.append(')').toString();
  }

  JsonObject toJson() {
    JsonObject json = result.toJson().put("round", round).put("target", target);
    if (cpu != null) {
      json.put("cpuMicrosPerRequest", Stats.round(cpuMicrosPerRequest(), 1))
        .put("systemCpuMicrosPerRequest", Stats.round(systemMicrosPerRequest(), 1))
        .put("cpuCores", Stats.round(cpuCores(), 2));
    }
    if (!cpuByRole.isEmpty()) {
      JsonObject roles = new JsonObject();
      new TreeMap<>(cpuByRole).forEach((role, nanos) -> roles.put(role, Stats.round(roleMicrosPerRequest(role), 1)));
      json.put("cpuMicrosPerRequestByThreadRole", roles);
    }
    return json;
  }
}
