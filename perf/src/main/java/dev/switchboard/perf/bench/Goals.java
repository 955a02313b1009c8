package dev.switchboard.perf.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The targets for tools/call on the stub, set against what was measured. Reported, never asserted: a
 * benchmark that fails on speed would make CI flaky on a shared machine.
 */
final class Goals {
  private Goals() {
  }

  static JsonArray evaluate(JsonObject headline) {
    JsonArray out = new JsonArray();
    add(out, "gateway CPU per tools/call (c=16)", "<= 100 us", headline.getValue("gatewayCpuMicrosPerCall"), 100, true);
    add(out, "throughput gateway/nginx (c=16)", ">= 0.8", headline.getValue("throughputGatewayOverNginxC16"), 0.8,
      false);
    add(out, "added p50 over direct (c=1)", "<= 0.2 ms", headline.getValue("addedP50MsC1"), 0.2, true);
    add(out, "heap per idle session", "<= 10 KiB", headline.getValue("heapKiBPerIdleSession"), 10, true);
    add(out, "cold start to first initialize", "<= 1500 ms", headline.getValue("coldStartMillis"), 1500, true);
    return out;
  }

  private static void add(JsonArray out, String what, String target, Object measured, double limit,
                          boolean atMost) {
    JsonObject goal = new JsonObject().put("goal", what).put("target", target).put("measured", measured);
    if (measured instanceof Number n && !Double.isNaN(n.doubleValue())) {
      goal.put("met", atMost ? n.doubleValue() <= limit : n.doubleValue() >= limit);
    } else {
      goal.put("met", (Object) null);
    }
    out.add(goal);
  }
}
