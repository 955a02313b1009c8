package dev.switchboard.perf.bench;

import dev.switchboard.perf.load.LoadResult;
import dev.switchboard.perf.load.Target;
import dev.switchboard.perf.stub.RunningStub;
import dev.switchboard.perf.stub.StubOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * A backend that answers every request as an SSE stream (the kit's {@code alwaysSse}, as the reference servers do):
 * tools/call direct to it vs through a gateway of its own, which reads the stream and answers its client with JSON.
 */
final class SseScenario implements Scenario {
  private static final int CONCURRENCY = 16;

  @Override
  public String name() {
    return "sse";
  }

  @Override
  public String description() {
    return "tools/call, c=" + CONCURRENCY + ", backend answers text/event-stream: direct vs gateway";
  }

  @Override
  public ScenarioResult run(Bench bench, Setup setup) {
    RunningStub stub = bench.stub(new StubOptions().setName("perf-stub-sse").setSse(true));
    Bench.Started gateway = bench.gateway("gateway-sse", new GatewayYaml().backend("stub", stub.url()));
    List<LoadResult> results = new ArrayList<>();
    try {
      bench.warm(Target.of("gateway", gateway.process().url()));
      for (Target target : List.of(Target.of("direct", stub.url()), Target.of("gateway", gateway.process().url()))) {
        LoadResult result = bench.load(bench.loadOptions("sse " + target.name(), List.of(target), CONCURRENCY,
          bench.options().scenarioWindow()));
        bench.log("  " + result.brief());
        results.add(result);
      }
    } finally {
      gateway.process().close();
    }
    return new ScenarioResult(name(), description(), results, Versus.pairs(results, "gateway", List.of("direct")),
      List.of());
  }
}
