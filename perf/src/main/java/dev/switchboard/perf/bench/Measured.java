package dev.switchboard.perf.bench;

import dev.switchboard.perf.load.LoadResult;
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
 * @param cpuNanos    CPU time the proxy process (gateway JVM, nginx master+worker) used in the window; -1 for direct
 *                    or when unknown
 * @param cpuByRole   for a JVM proxy: that CPU time split by thread role (event-loop, jit, gc, other)
 */
record Measured(int round, int concurrency, String target, LoadResult result, long cpuNanos,
                Map<String, Long> cpuByRole) {
  /** Proxy CPU microseconds per successful request, or -1. */
  double cpuMicrosPerRequest() {
    return cpuNanos < 0 || result.requests() == 0 ? -1 : cpuNanos / 1e3 / result.requests();
  }

  /** CPU microseconds per request of one thread role, or NaN when not measured. */
  double roleMicrosPerRequest(String role) {
    Long nanos = cpuByRole.get(role);
    return nanos == null || result.requests() == 0 ? Double.NaN : nanos / 1e3 / result.requests();
  }

  /** Cores the proxy kept busy on average during the window, or -1. */
  double cpuCores() {
    return cpuNanos < 0 || result.elapsedNanos() == 0 ? -1 : (double) cpuNanos / result.elapsedNanos();
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
    if (cpuNanos >= 0) {
      json.put("cpuMicrosPerRequest", Stats.round(cpuMicrosPerRequest(), 1))
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
