package dev.switchboard.perf.bench;

import dev.switchboard.perf.load.LoadGenerator;
import dev.switchboard.perf.load.LoadOptions;
import dev.switchboard.perf.load.LoadResult;
import dev.switchboard.perf.load.Target;
import dev.switchboard.perf.stub.RunningStub;
import dev.switchboard.perf.stub.StubOptions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Isolation: one gateway in front of a fast backend and a slow one (2 s per call). Calls to the fast backend are
 * measured alone, then while other sessions keep the slow backend busy; the slow calls must not slow the fast ones.
 */
final class SlowBackendScenario implements Scenario {
  static final Duration SLOW_LATENCY = Duration.ofSeconds(2);
  private static final int FAST_CONCURRENCY = 4;
  private static final int SLOW_CONCURRENCY = 32;

  @Override
  public String name() {
    return "slow-backend";
  }

  @Override
  public String description() {
    return "gateway with a fast and a slow (2 s/call) backend: fast calls c=" + FAST_CONCURRENCY
      + " alone, then alongside c=" + SLOW_CONCURRENCY + " slow calls";
  }

  @Override
  public ScenarioResult run(Bench bench, Setup setup) {
    RunningStub fast = bench.stub(new StubOptions().setName("perf-stub-fast"));
    RunningStub slow = bench.stub(new StubOptions().setName("perf-stub-slow").setLatency(SLOW_LATENCY));
    Bench.Started gateway = bench.gateway("gateway-slow",
      new GatewayYaml().backend("fast", fast.url()).backend("slow", slow.url()));
    Duration window = max(bench.options().scenarioWindow(), SLOW_LATENCY.plusSeconds(1));
    List<LoadResult> results = new ArrayList<>();
    try {
      Target fastTarget = Target.of("gateway", gateway.process().url(), "fast_");
      Target slowTarget = Target.of("gateway", gateway.process().url(), "slow_");
      bench.warm(fastTarget, gateway.process().pid());
      LoadResult alone = bench.load(bench.loadOptions("slow-backend fast alone", List.of(fastTarget),
        FAST_CONCURRENCY, window));
      bench.log("  " + alone.brief());
      LoadOptions fastLoad = bench.loadOptions("slow-backend fast with slow", List.of(fastTarget), FAST_CONCURRENCY,
        window).setProgress(false);
      LoadOptions slowLoad = bench.loadOptions("slow-backend slow", List.of(slowTarget), SLOW_CONCURRENCY, window)
        .setProgress(false).setTimeout(SLOW_LATENCY.plusSeconds(10));
      Future<LoadResult> slowRun = LoadGenerator.run(bench.vertx(), slowLoad);
      Await.sleep(Duration.ofMillis(200));
      LoadResult together = bench.load(fastLoad);
      LoadResult slowResult = Await.result(slowRun, window.plus(SLOW_LATENCY).plusSeconds(60));
      bench.log("  " + together.brief());
      bench.log("  " + slowResult.brief());
      results.add(alone);
      results.add(together);
      results.add(slowResult);
    } finally {
      gateway.process().close();
    }
    LoadResult alone = results.get(0);
    LoadResult together = results.get(1);
    double p99Alone = alone.percentileMillis(99);
    double p99Together = together.percentileMillis(99);
    boolean isolated = p99Together <= Math.max(2 * p99Alone, p99Alone + 5);
    JsonObject figures = new JsonObject()
      .put("fastP50AloneMs", Stats.round(alone.percentileMillis(50), 3))
      .put("fastP50WithSlowMs", Stats.round(together.percentileMillis(50), 3))
      .put("fastP99AloneMs", Stats.round(p99Alone, 3))
      .put("fastP99WithSlowMs", Stats.round(p99Together, 3))
      .put("slowP50Ms", Stats.round(results.get(2).percentileMillis(50), 1))
      .put("isolated", isolated);
    String note = isolated
      ? "slow backend did not slow the fast one (fast p99 within max(2x, +5 ms) of its p99 alone)"
      : "fast calls slowed down while the slow backend was busy: p99 " + Stats.round(p99Alone, 2) + " -> "
      + Stats.round(p99Together, 2) + " ms";
    bench.log("  " + note);
    return new ScenarioResult(name(), description(), results, figures, List.of(note));
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
