package dev.switchboard.perf.bench;

import dev.switchboard.perf.load.LoadOptions;
import dev.switchboard.perf.load.LoadResult;
import dev.switchboard.perf.load.Target;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The same {@code tools/call} through the comparison's gateway in both eras: session era (one {@code Mcp-Session-Id}
 * per client) and the stateless revision (2026-07-28: no session, the {@code _meta} envelope and {@code Mcp-*} headers
 * on every request; the gateway answers from the backend sessions it holds for the caller). Rounds alternate the
 * arms' order; the figures are throughput ratios and the gateway's CPU per call over all rounds.
 */
final class StatelessScenario implements Scenario {
  private static final int CONCURRENCY = 16;
  private static final int ROUNDS = 3;
  private static final String SESSION = "session";
  private static final String STATELESS = "stateless";

  @Override
  public String name() {
    return "stateless";
  }

  @Override
  public String description() {
    return "tools/call, c=" + CONCURRENCY + ", through the gateway: session era vs stateless revision (2026-07-28), "
      + ROUNDS + " interleaved rounds, gateway CPU per call";
  }

  @Override
  public ScenarioResult run(Bench bench, Setup setup) {
    Contender gateway = setup.contender("gateway");
    if (gateway == null) {
      return new ScenarioResult(name(), description(), List.of(), new JsonObject(),
        List.of("skipped: the comparison (and its gateway) did not run"));
    }
    String url = gateway.target().url();
    Target session = Target.of(SESSION, url, gateway.target().toolPrefix());
    Target stateless = Target.of(STATELESS, url, gateway.target().toolPrefix());
    LoadResult warm = bench.load(bench.loadOptions("warm-up stateless", List.of(stateless), CONCURRENCY,
        bench.options().warmup().dividedBy(6)).setMaxRequests(Math.max(1, bench.options().warmupRequests() / 6))
      .setStateless(true).setProgress(false));
    bench.log("  " + warm.brief());
    List<LoadResult> results = new ArrayList<>();
    long[] cpu = new long[2];
    long[] requests = new long[2];
    double[] rate = new double[2];
    for (int round = 1; round <= ROUNDS; round++) {
      List<Target> order = round % 2 == 1 ? List.of(session, stateless) : List.of(stateless, session);
      for (Target target : order) {
        int arm = target == session ? 0 : 1;
        LoadOptions options = bench.loadOptions("stateless r" + round + " " + target.name(), List.of(target),
          CONCURRENCY, bench.options().scenarioWindow()).setStateless(target == stateless);
        Measured m = gateway.measure(round, CONCURRENCY, () -> bench.load(options));
        LoadResult result = m.result();
        if (m.cpuNanos() >= 0) {
          cpu[arm] += m.cpuNanos();
        }
        requests[arm] += result.requests();
        rate[arm] += result.throughput();
        bench.log("  " + result.brief() + (m.cpuNanos() >= 0 ? String.format("  cpu %.1f us/req",
          m.cpuMicrosPerRequest()) : ""));
        results.add(result);
      }
    }
    JsonObject figures = new JsonObject()
      .put("throughput stateless/session", ratio(rate[1], rate[0]))
      .put("gateway cpu us/call session", micros(cpu[0], requests[0]))
      .put("gateway cpu us/call stateless", micros(cpu[1], requests[1]))
      .put("gateway cpu stateless/session", ratio(micros(cpu[1], requests[1]), micros(cpu[0], requests[0])));
    return new ScenarioResult(name(), description(), results, figures, List.of());
  }

  private static double micros(long nanos, long requests) {
    return requests == 0 ? -1 : Math.round(nanos / 1e2 / requests) / 10.0;
  }

  private static double ratio(double a, double b) {
    return b <= 0 ? -1 : Math.round(a / b * 1000) / 1000.0;
  }
}
