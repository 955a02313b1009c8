package dev.switchboard.perf.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Issue 12's targets for tools/call on the stub, set against what was measured. Reported, never asserted: a
 * benchmark that fails on speed would make CI flaky on a shared machine.
 */
final class Goals {
  private Goals() {
  }

  static JsonArray evaluate(JsonObject headline) {
    JsonArray out = new JsonArray();
    add(out, "gateway CPU per tools/call (c=16)", "<= 40 us", headline.getValue("gatewayCpuMicrosPerCall"), 40, true);
    add(out, "gateway CPU per tools/call (c=1)", "<= 60 us", headline.getValue("gatewayCpuMicrosPerCallC1"), 60,
      true);
    add(out, "throughput gateway/nginx (c=16)", ">= 1.0", headline.getValue("throughputGatewayOverNginxC16"), 1.0,
      false);
    add(out, "added p50 over direct (c=1)", "<= 0.1 ms", headline.getValue("addedP50MsC1"), 0.1, true);
    // 100,000 idle sessions in 512 MiB of heap
    add(out, "heap per idle session", "<= 5.24 KiB", headline.getValue("heapKiBPerIdleSession"), 5.24, true);
    add(out, "cold start to first initialize", "<= 800 ms", headline.getValue("coldStartMillis"), 800, true);
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
