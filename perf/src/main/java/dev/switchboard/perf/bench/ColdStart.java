package dev.switchboard.perf.bench;

import dev.switchboard.perf.proc.MachineCpu;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Cold start: spawn the gateway JVM and time until its first {@code initialize} is answered (the gateway probes its
 * backends before it listens, so that is included). Each start is a fresh process, started once the machine has been
 * quiet for a second ({@link MachineCpu#awaitQuiet}); all but the last are stopped at once, the last is handed back
 * (the idle-session heap is measured on it). The comparison's own gateway, started beside the stub while that JVM
 * still compiles, is reported beside them and counts only when no fresh start was asked for.
 */
final class ColdStart {
  private static final Duration QUIET_FOR = Duration.ofSeconds(1);
  private static final Duration QUIET_MAX = Duration.ofSeconds(15);

  /** The figures, and the last gateway started (still running), or null when none was started. */
  record Measured(JsonObject figures, Bench.Started last) {
  }

  private ColdStart() {
  }

  /**
   * {@code {"millis": [..], "medianMillis": m, "firstGatewayMillis": f, "quietWaitMillis": [..]}} over {@code fresh}
   * starts; over {@code first} (the comparison's gateway, already measured) when {@code fresh} is 0.
   */
  static Measured measure(Bench bench, GatewayYaml yaml, int fresh, Duration first) {
    List<Long> millis = new ArrayList<>();
    List<Long> waits = new ArrayList<>();
    Bench.Started last = null;
    for (int i = 0; i < fresh; i++) {
      if (last != null) {
        last.process().close();
      }
      waits.add(MachineCpu.awaitQuiet(QUIET_FOR, QUIET_MAX).toMillis());
      last = bench.gateway("cold-start-" + (i + 1), yaml);
      millis.add(last.coldStart().toMillis());
    }
    if (millis.isEmpty() && first != null) {
      millis.add(first.toMillis());
    }
    Long firstMillis = first == null ? null : first.toMillis();
    bench.log("  cold start to first initialize answered: " + millis + " ms (waited " + waits + " ms for a quiet "
      + "machine before each); the comparison's gateway, started beside the stub: " + firstMillis + " ms");
    JsonObject figures = new JsonObject().put("millis", new JsonArray(new ArrayList<>(millis)))
      .put("medianMillis", millis.isEmpty() ? null : Stats.median(millis.stream().map(Long::doubleValue).toList()))
      .put("firstGatewayMillis", firstMillis).put("quietWaitMillis", new JsonArray(new ArrayList<>(waits)));
    return new Measured(figures, last);
  }
}
