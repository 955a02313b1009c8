package dev.switchboard.perf.bench;

import dev.switchboard.perf.load.LoadResult;
import dev.switchboard.perf.proc.PlainRelayProcess;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;

/**
 * Turns the comparison's windows into figures: per concurrency and target the medians over the rounds; per round the
 * gateway's throughput ratio and added latency against direct, nginx and the plain Vert.x relay, and the relay's
 * against nginx (then their medians); and percentiles of the rounds' merged histograms for the charts.
 */
final class ComparisonFigures {
  /** The contender started from {@code --candidate-jar}: a changed gateway measured against the reference one. */
  static final String CANDIDATE = "candidate";

  private final List<Measured> windows;

  ComparisonFigures(List<Measured> windows) {
    this.windows = List.copyOf(windows);
  }

  JsonObject toJson(BenchmarkOptions options) {
    JsonObject byConcurrency = new JsonObject();
    for (int c : concurrencies()) {
      JsonObject level = new JsonObject();
      JsonObject percentiles = new JsonObject();
      for (String target : targets()) {
        List<Measured> ms = select(c, target);
        JsonObject t = new JsonObject()
          .put("throughput", Stats.round(median(ms, m -> m.result().throughput()), 1))
          .put("p50Ms", Stats.round(median(ms, m -> m.result().percentileMillis(50)), 4))
          .put("p99Ms", Stats.round(median(ms, m -> m.result().percentileMillis(99)), 4))
          .put("p999Ms", Stats.round(median(ms, m -> m.result().percentileMillis(99.9)), 4))
          .put("errors", ms.stream().mapToLong(m -> m.result().errors().total()).sum());
        double cpu = median(ms, Measured::cpuMicrosPerRequest);
        if (!Double.isNaN(cpu) && cpu >= 0) {
          t.put("cpuMicrosPerRequest", Stats.round(cpu, 1))
            .put("systemCpuMicrosPerRequest", Stats.round(median(ms, Measured::systemMicrosPerRequest), 1))
            .put("cpuCores", Stats.round(median(ms, Measured::cpuCores), 2));
          JsonObject roles = new JsonObject();
          for (String role : List.of("event-loop", "jit", "gc", "other")) {
            double r = median(ms, m -> m.roleMicrosPerRequest(role));
            if (!Double.isNaN(r)) {
              roles.put(role, Stats.round(r, 1));
            }
          }
          if (!roles.isEmpty()) {
            t.put("cpuMicrosPerRequestByThreadRole", roles);
          }
        }
        level.put(target, t);
        percentiles.put(target, LoadResult.percentiles(merged(ms)));
      }
      for (String baseline : List.of("direct", "nginx", PlainRelayProcess.NAME)) {
        if (targets().contains(baseline) && targets().contains("gateway")) {
          level.put("gateway/" + baseline, versus(c, "gateway", baseline));
        }
      }
      if (targets().contains(PlainRelayProcess.NAME) && targets().contains("nginx")) {
        level.put(PlainRelayProcess.NAME + "/nginx", versus(c, PlainRelayProcess.NAME, "nginx"));
      }
      if (targets().contains(CANDIDATE) && targets().contains("gateway")) {
        level.put(CANDIDATE + "/gateway", versus(c, CANDIDATE, "gateway"));
        level.put(CANDIDATE + "/direct", versus(c, CANDIDATE, "direct"));
      }
      level.put("percentiles", percentiles);
      byConcurrency.put(Integer.toString(c), level);
    }
    return new JsonObject().put("rounds", options.rounds())
      .put("windowSeconds", options.window().toMillis() / 1000.0)
      .put("warmupSeconds", options.warmup().toMillis() / 1000.0)
      .put("byConcurrency", byConcurrency)
      .put("windows", new JsonArray(windows.stream().map(Measured::toJson).toList()));
  }

  /** Median over rounds of the per-round ratio and added latencies. */
  private JsonObject versus(int c, String subject, String baseline) {
    List<Double> ratios = new ArrayList<>();
    List<Double> addedP50 = new ArrayList<>();
    List<Double> addedP99 = new ArrayList<>();
    for (Measured s : select(c, subject)) {
      windows.stream().filter(b -> b.round() == s.round() && b.concurrency() == c && b.target().equals(baseline))
        .findFirst().ifPresent(b -> {
          ratios.add(b.result().throughput() == 0 ? Double.NaN : s.result().throughput() / b.result().throughput());
          addedP50.add(s.result().percentileMillis(50) - b.result().percentileMillis(50));
          addedP99.add(s.result().percentileMillis(99) - b.result().percentileMillis(99));
        });
    }
    return new JsonObject()
      .put("throughputRatio", Stats.round(Stats.median(ratios), 3))
      .put("addedP50Ms", Stats.round(Stats.median(addedP50), 4))
      .put("addedP99Ms", Stats.round(Stats.median(addedP99), 4))
      .put("perRoundRatios", new JsonArray(ratios.stream().filter(r -> !r.isNaN()).map(r -> Stats.round(r, 3))
        .toList()));
  }

  long failures() {
    return windows.stream().mapToLong(m -> m.result().errors().total()).sum();
  }

  private List<Integer> concurrencies() {
    Set<Integer> set = new LinkedHashSet<>();
    windows.forEach(m -> set.add(m.concurrency()));
    return List.copyOf(set);
  }

  private List<String> targets() {
    Set<String> set = new LinkedHashSet<>();
    for (String known : List.of("direct", "gateway", "nginx", PlainRelayProcess.NAME, CANDIDATE)) {
      if (windows.stream().anyMatch(m -> m.target().equals(known))) {
        set.add(known);
      }
    }
    return List.copyOf(set);
  }

  private List<Measured> select(int c, String target) {
    return windows.stream().filter(m -> m.concurrency() == c && Objects.equals(m.target(), target)).toList();
  }

  private static double median(List<Measured> ms, ToDoubleFunction<Measured> f) {
    return Stats.median(ms.stream().map(f::applyAsDouble).toList());
  }

  private static Histogram merged(List<Measured> ms) {
    Histogram h = new Histogram(3);
    h.setAutoResize(true);
    ms.forEach(m -> h.add(m.result().histogram()));
    return h;
  }
}
