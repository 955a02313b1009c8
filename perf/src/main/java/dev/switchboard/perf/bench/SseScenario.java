package dev.switchboard.perf.bench;

import dev.switchboard.perf.load.LoadResult;
import dev.switchboard.perf.load.Target;
import dev.switchboard.perf.stub.RunningStub;
import dev.switchboard.perf.stub.StubOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A backend that answers every request as an SSE stream (the kit's {@code alwaysSse}, as the reference servers do):
 * tools/call direct to it vs through a gateway of its own, which reads the stream and answers its client with JSON.
 * Both are warmed up first ({@link Bench#warm}): the direct path too, since only there does the load generator read
 * SSE answers itself, and a first direct window with that code cold measured half the later ones (16.0k against
 * 34.1k req/s in round 10 of docs/performance.md). Rounds alternate the order, and the figure is the median of the
 * per-round throughput ratios.
 */
final class SseScenario implements Scenario {
  private static final int CONCURRENCY = 16;
  private static final int ROUNDS = 3;

  @Override
  public String name() {
    return "sse";
  }

  @Override
  public String description() {
    return "tools/call, c=" + CONCURRENCY + ", backend answers text/event-stream: direct vs gateway, " + ROUNDS
      + " alternating rounds";
  }

  @Override
  public ScenarioResult run(Bench bench, Setup setup) {
    RunningStub stub = bench.stub(new StubOptions().setName("perf-stub-sse").setSse(true));
    Bench.Started gateway = bench.gateway("gateway-sse", new GatewayYaml().backend("stub", stub.url()));
    List<LoadResult> results = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    JsonObject last = new JsonObject();
    try {
      Target direct = Target.of("direct", stub.url());
      bench.warm(direct, -1);
      bench.warm(Target.of("gateway", gateway.process().url()), gateway.process().pid());
      List<Target> order = new ArrayList<>(List.of(direct, Target.of("gateway", gateway.process().url())));
      for (int round = 1; round <= ROUNDS; round++) {
        List<LoadResult> these = new ArrayList<>();
        for (Target target : order) {
          LoadResult result = bench.load(bench.loadOptions("sse r" + round + " " + target.name(), List.of(target),
            CONCURRENCY, bench.options().scenarioWindow()));
          bench.log("  " + result.brief());
          these.add(result);
        }
        results.addAll(these);
        last = Versus.pairs(these, "gateway", List.of("direct"));
        JsonObject pair = last.getJsonObject("gateway/direct");
        if (pair != null) {
          ratios.add(pair.getDouble("throughputRatio"));
        }
        Collections.reverse(order);
      }
    } finally {
      gateway.process().close();
    }
    double median = ratios.isEmpty() ? -1 : Stats.round(Stats.median(ratios), 3);
    String note = String.format(Locale.ROOT, "median throughput gateway/direct %.3f over %d rounds (goal >= 0.6)",
      median, ratios.size());
    bench.log("  " + note);
    return new ScenarioResult(name(), description(), results, last.put("medianThroughputRatio", median),
      List.of(note));
  }
}
