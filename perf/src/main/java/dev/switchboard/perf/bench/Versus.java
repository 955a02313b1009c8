package dev.switchboard.perf.bench;

import dev.switchboard.perf.load.LoadResult;
import dev.switchboard.perf.proc.PlainRelayProcess;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Figures of one target against a baseline run: throughput ratio and added latency. */
final class Versus {
  private Versus() {
  }

  static JsonObject of(LoadResult subject, LoadResult baseline) {
    return new JsonObject()
      .put("throughputRatio", Stats.round(baseline.throughput() == 0 ? 0 : subject.throughput()
        / baseline.throughput(), 3))
      .put("addedP50Ms", Stats.round(subject.percentileMillis(50) - baseline.percentileMillis(50), 4))
      .put("addedP99Ms", Stats.round(subject.percentileMillis(99) - baseline.percentileMillis(99), 4));
  }

  /** {@code gateway/direct}, {@code gateway/nginx}, ... for every pair of a subject and a baseline present. */
  static JsonObject pairs(List<LoadResult> results, String subject, List<String> baselines) {
    JsonObject out = new JsonObject();
    LoadResult s = find(results, subject);
    for (String baseline : baselines) {
      LoadResult b = find(results, baseline);
      if (s != null && b != null) {
        out.put(subject + "/" + baseline, of(s, b));
      }
    }
    return out;
  }

  /**
   * The pairs every comparison reports: the gateway against direct, nginx and the plain Vert.x relay, and the relay
   * against nginx (what the HTTP stack alone costs beside a C proxy).
   */
  static JsonObject proxies(List<LoadResult> results) {
    return pairs(results, "gateway", List.of("direct", "nginx", PlainRelayProcess.NAME))
      .mergeIn(pairs(results, PlainRelayProcess.NAME, List.of("nginx")));
  }

  static LoadResult find(List<LoadResult> results, String target) {
    return results.stream().filter(r -> r.options().getTargets().get(0).name().equals(target)).findFirst()
      .orElse(null);
  }
}
