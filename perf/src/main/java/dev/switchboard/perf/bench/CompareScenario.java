package dev.switchboard.perf.bench;

import dev.switchboard.perf.load.LoadOptions;
import dev.switchboard.perf.load.LoadResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A workload run once against each contender of the comparison (direct, gateway, nginx, the plain Vert.x relay), one
 * after the other, with the gateway compared to each of the others and the relay to nginx. Covers call-100k,
 * tools-list, mixed, churn and open-loop. Each JVM contender first runs the same workload, unreported, for half the
 * warm-up budget: the comparison warmed it with tools/call only, and a gateway that had never opened sessions ran
 * churn at a fifth of its later rate in its first seconds (docs/performance.md, round 14).
 */
final class CompareScenario implements Scenario {
  private final String name;
  private final String description;
  private final int concurrency;
  private final UnaryOperator<LoadOptions> workload;

  CompareScenario(String name, String description, int concurrency, UnaryOperator<LoadOptions> workload) {
    this.name = name;
    this.description = description;
    this.concurrency = concurrency;
    this.workload = workload;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public ScenarioResult run(Bench bench, Setup setup) {
    List<LoadResult> results = new ArrayList<>();
    for (Contender contender : setup.contenders()) {
      if (contender.jvmPid() >= 0) {
        LoadResult warm = bench.load(workload.apply(bench.loadOptions("warm-up " + name + " " + contender.name(),
          List.of(contender.target()), concurrency, bench.options().warmup().dividedBy(2)))
          .setMaxRequests(Math.max(1, bench.options().warmupRequests() / 2)).setProgress(false));
        bench.log("  " + warm.brief());
      }
      LoadOptions options = workload.apply(bench.loadOptions(name + " " + contender.name(),
        List.of(contender.target()), concurrency, bench.options().scenarioWindow()));
      LoadResult result = bench.load(options);
      bench.log("  " + result.brief());
      results.add(result);
    }
    return new ScenarioResult(name, description, results, Versus.proxies(results), List.of());
  }
}
