package dev.switchboard.perf.bench;

import dev.switchboard.perf.load.LoadOptions;
import dev.switchboard.perf.load.LoadResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A workload run once against each contender of the comparison (direct, gateway, nginx, the plain Vert.x relay), one
 * after the other, with the gateway compared to each of the others and the relay to nginx. Covers call-100k,
 * tools-list, mixed, churn and open-loop.
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
      LoadOptions options = workload.apply(bench.loadOptions(name + " " + contender.name(),
        List.of(contender.target()), concurrency, bench.options().scenarioWindow()));
      LoadResult result = bench.load(options);
      bench.log("  " + result.brief());
      results.add(result);
    }
    return new ScenarioResult(name, description, results, Versus.proxies(results), List.of());
  }
}
