package dev.switchboard.perf.bench;

import dev.switchboard.perf.load.LoadResult;
import io.vertx.core.json.JsonObject;

/**
 * One measured window of the comparison.
 *
 * @param round         repetition, from 1
 * @param concurrency   sessions / connections
 * @param target        direct, gateway or nginx
 * @param result        the load result
 * @param cpuNanos      CPU time the proxy process (gateway JVM, nginx master+worker) used in the window; -1 for
 *                      direct or when unknown
 */
record Measured(int round, int concurrency, String target, LoadResult result, long cpuNanos) {
  /** Proxy CPU microseconds per successful request, or -1. */
  double cpuMicrosPerRequest() {
    return cpuNanos < 0 || result.requests() == 0 ? -1 : cpuNanos / 1e3 / result.requests();
  }

  /** Cores the proxy kept busy on average during the window, or -1. */
  double cpuCores() {
    return cpuNanos < 0 || result.elapsedNanos() == 0 ? -1 : (double) cpuNanos / result.elapsedNanos();
  }

  JsonObject toJson() {
    JsonObject json = result.toJson().put("round", round).put("target", target);
    if (cpuNanos >= 0) {
      json.put("cpuMicrosPerRequest", Math.round(cpuMicrosPerRequest() * 10) / 10.0)
        .put("cpuCores", Math.round(cpuCores() * 100) / 100.0);
    }
    return json;
  }
}
