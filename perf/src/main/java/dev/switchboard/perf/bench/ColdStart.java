package dev.switchboard.perf.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Cold start: spawn the gateway JVM and time until its first {@code initialize} is answered (the gateway probes its
 * backends before it listens, so that is included). Each start is a fresh process, stopped right after.
 */
final class ColdStart {
  private ColdStart() {
  }

  /** {@code {"millis": [..], "medianMillis": m}} over {@code starts} fresh processes (the first one included). */
  static JsonObject measure(Bench bench, GatewayYaml yaml, int starts, Duration first) {
    List<Long> millis = new ArrayList<>();
    if (first != null) {
      millis.add(first.toMillis());
    }
    for (int i = millis.size(); i < starts; i++) {
      Bench.Started started = bench.gateway("cold-start-" + i, yaml);
      millis.add(started.coldStart().toMillis());
      started.process().close();
    }
    bench.log("  cold start to first initialize answered: " + millis + " ms");
    return new JsonObject().put("millis", new JsonArray(new ArrayList<>(millis)))
      .put("medianMillis", Stats.median(millis.stream().map(Long::doubleValue).toList()));
  }
}
