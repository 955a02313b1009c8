package dev.switchboard.perf.bench;

import dev.switchboard.perf.load.LoadResult;
import dev.switchboard.perf.load.Target;
import dev.switchboard.perf.proc.NginxProcess;
import dev.switchboard.perf.proc.PlainRelayProcess;
import dev.switchboard.perf.stub.RunningStub;
import dev.switchboard.perf.stub.StubOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A backend that answers every request as an SSE stream (the kit's {@code alwaysSse}, as the reference servers do):
 * tools/call direct to it, through a gateway of its own (which reads the stream and answers its client with JSON),
 * through nginx as a plain reverse proxy when installed (which forwards the stream as it is), and through the plain
 * Vert.x relay (which reads each answer whole and forwards it as it is): what any proxy in that place costs on the
 * same cores. All are warmed up first ({@link Bench#warm}): the direct path too, since only there does the load
 * generator read SSE answers itself, and a first direct window with that code cold measured half
 * the later ones (16.0k against 34.1k req/s in round 10 of docs/performance.md). Rounds rotate the order; the figures
 * are the medians of the per-round throughput ratios, and of each proxy's CPU per call.
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
    return "tools/call, c=" + CONCURRENCY + ", backend answers text/event-stream: direct vs gateway vs nginx vs vertx, "
      + ROUNDS + " rotating rounds";
  }

  @Override
  public ScenarioResult run(Bench bench, Setup setup) {
    RunningStub stub = bench.stub(new StubOptions().setName("perf-stub-sse").setSse(true));
    Bench.Started gateway = bench.gateway("gateway-sse", new GatewayYaml().backend("stub", stub.url()));
    List<Contender> contenders = new ArrayList<>(List.of(new Contender(Target.of("direct", stub.url()), null, -1),
      new Contender(Target.of("gateway", gateway.process().url()), gateway.process()::cpuTime,
        gateway.process().pid())));
    Path nginxBinary = bench.options().nginx() ? NginxProcess.binary() : null;
    if (nginxBinary != null) {
      NginxProcess nginx = bench.closeLater(NginxProcess.start(nginxBinary, stub.port(),
        bench.workDir().resolve(name())));
      contenders.add(new Contender(Target.of("nginx", nginx.url()), nginx::cpuTime, -1));
    }
    if (bench.options().plainRelay()) {
      PlainRelayProcess relay = bench.closeLater(PlainRelayProcess.start(stub.port(), bench.options().launch(),
        bench.workDir().resolve(name())));
      contenders.add(new Contender(Target.of(PlainRelayProcess.NAME, relay.url()), relay::cpuTime, relay.pid()));
    }
    List<LoadResult> results = new ArrayList<>();
    Map<String, List<Double>> ratios = new LinkedHashMap<>();
    Map<String, List<Double>> cpu = new LinkedHashMap<>();
    try {
      contenders.forEach(c -> bench.warm(c.target(), c.jvmPid()));
      List<Contender> order = new ArrayList<>(contenders);
      for (int round = 1; round <= ROUNDS; round++) {
        List<LoadResult> these = new ArrayList<>();
        for (Contender contender : order) {
          String label = "sse r" + round + " " + contender.name();
          Measured m = contender.measure(round, CONCURRENCY, () -> bench.load(bench.loadOptions(label,
            List.of(contender.target()), CONCURRENCY, bench.options().scenarioWindow())));
          bench.log("  " + m.result().brief() + (m.cpu() == null ? ""
            : String.format(Locale.ROOT, ", proxy CPU %.1f us/call", m.cpuMicrosPerRequest()) + m.rolesBrief()));
          these.add(m.result());
          if (m.cpu() != null) {
            cpu.computeIfAbsent(contender.name(), k -> new ArrayList<>()).add(m.cpuMicrosPerRequest());
          }
        }
        results.addAll(these);
        JsonObject pairs = Versus.proxies(these).mergeIn(Versus.pairs(these, "nginx", List.of("direct")))
          .mergeIn(Versus.pairs(these, PlainRelayProcess.NAME, List.of("direct")));
        pairs.forEach(pair -> ratios.computeIfAbsent(pair.getKey(), k -> new ArrayList<>())
          .add(((JsonObject) pair.getValue()).getDouble("throughputRatio")));
        Collections.rotate(order, 1);
      }
    } finally {
      gateway.process().close();
    }
    JsonObject figures = new JsonObject();
    ratios.forEach((pair, values) -> figures.put(pair, Stats.round(Stats.median(values), 3)));
    cpu.forEach((target, values) -> figures.put("cpuMicrosPerCall " + target, Stats.round(Stats.median(values), 1)));
    double median = figures.getDouble("gateway/direct", -1.0);
    List<String> notes = new ArrayList<>();
    notes.add(String.format(Locale.ROOT, "median throughput gateway/direct %.3f over %d rounds (goal >= 0.6)", median,
      ROUNDS));
    if (figures.containsKey("nginx/direct")) {
      notes.add(String.format(Locale.ROOT, "a plain reverse proxy in the same place: nginx/direct %.3f, "
        + "gateway/nginx %.3f; proxy CPU per call gateway %.1f us, nginx %.1f us", figures.getDouble("nginx/direct"),
        figures.getDouble("gateway/nginx"), figures.getDouble("cpuMicrosPerCall gateway", -1.0),
        figures.getDouble("cpuMicrosPerCall nginx", -1.0)));
    }
    if (figures.containsKey(PlainRelayProcess.NAME + "/direct")) {
      notes.add(String.format(Locale.ROOT, "a plain Vert.x relay in the same place: vertx/direct %.3f, gateway/vertx "
        + "%.3f; its CPU per call %.1f us", figures.getDouble(PlainRelayProcess.NAME + "/direct"),
        figures.getDouble("gateway/" + PlainRelayProcess.NAME, -1.0),
        figures.getDouble("cpuMicrosPerCall " + PlainRelayProcess.NAME, -1.0)));
    }
    notes.forEach(note -> bench.log("  " + note));
    return new ScenarioResult(name(), description(), results, figures.put("medianThroughputRatio", median), notes);
  }
}
