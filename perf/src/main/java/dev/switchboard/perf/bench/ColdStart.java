package dev.switchboard.perf.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Cold start: spawn the gateway JVM and time until its first {@code initialize} is answered (the gateway probes its
 * backends before it listens, so that is included). Each start is a fresh process; all but the last are stopped at
 * once, the last is handed back (the idle-session heap is measured on it).
 */
final class ColdStart {
  /** The figures, and the last gateway started (still running), or null when none was started. */
  record Measured(JsonObject figures, Bench.Started last) {
  }

  private ColdStart() {
  }

  /** {@code {"millis": [..], "medianMillis": m}} over {@code first} (already measured) and {@code more} starts. */
  static Measured measure(Bench bench, GatewayYaml yaml, int more, Duration first) {
    List<Long> millis = new ArrayList<>();
    if (first != null) {
      millis.add(first.toMillis());
    }
    Bench.Started last = null;
    for (int i = 0; i < more; i++) {
      if (last != null) {
        last.process().close();
      }
      last = bench.gateway("cold-start-" + (i + 1), yaml);
      millis.add(last.coldStart().toMillis());
    }
    bench.log("  cold start to first initialize answered: " + millis + " ms");
    JsonObject figures = new JsonObject().put("millis", new JsonArray(new ArrayList<>(millis)))
      .put("medianMillis", Stats.median(millis.stream().map(Long::doubleValue).toList()));
    return new Measured(figures, last);
  }
}
