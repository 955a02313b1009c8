package dev.switchboard.perf.bench;

import dev.switchboard.perf.load.LoadResult;
import dev.switchboard.perf.load.Target;
import dev.switchboard.perf.proc.CpuTime;
import dev.switchboard.perf.proc.Ports;
import dev.switchboard.perf.proc.ProcessCpu;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The Redis session store against the memory store, and two instances against one. Three gateway JVMs, the same stub
 * behind each: one with the memory store, two sharing one Redis (a key prefix of their own). Each is warmed up on its
 * own as the comparison's gateway is ({@link Bench#warm}, until its JIT settles), then briefly with sessions
 * alternating. Rounds in rotating order then measure four arms: the memory gateway; one Redis gateway alone; the two
 * Redis gateways with the sessions spread over them, each staying where it was opened (a sticky load balancer); and
 * the two with every session's requests alternating between them (a round-robin one; sessions are opened on the
 * first). Reported: the medians of the per-round ratios of throughput and of gateway CPU per request (both JVMs' CPU
 * on two). Spread against alternating tells what alternation itself costs; spread against one gateway, what a second
 * JVM on the same cores costs. Skipped when nothing listens on the Redis port.
 */
final class CrossInstanceScenario implements Scenario {
  private static final int CONCURRENCY = 8;
  private static final int ROUNDS = 3;

  @Override
  public String name() {
    return "cross-instance";
  }

  @Override
  public String description() {
    return "Redis store vs memory store, and two gateways sharing Redis (sessions spread, and each session's requests "
      + "alternating) vs one, tools/call c=" + CONCURRENCY + ", " + ROUNDS + " rotating rounds after a warm-up";
  }

  @Override
  public ScenarioResult run(Bench bench, Setup setup) {
    URI redis = URI.create(bench.options().redisUrl());
    int redisPort = redis.getPort() > 0 ? redis.getPort() : 6379;
    if (!Ports.LOOPBACK.equals(redis.getHost()) || !Ports.listening(redisPort)) {
      String note = "skipped: no Redis listening at " + redis.getHost() + ":" + redisPort;
      bench.log("  " + note);
      return new ScenarioResult(name(), description(), List.of(), new JsonObject().put("skipped", true),
        List.of(note));
    }
    String prefix = "perf-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    GatewayYaml memoryYaml = new GatewayYaml().backend("stub", setup.stub().url());
    GatewayYaml redisYaml = new GatewayYaml().backend("stub", setup.stub().url())
      .redis(bench.options().redisUrl(), prefix);
    Bench.Started memory = bench.gateways(List.of("gateway-memory"), memoryYaml).get(0);
    List<Bench.Started> pair = bench.gateways(List.of("gateway-redis-a", "gateway-redis-b"), redisYaml);
    Target tm = Target.of("gateway-memory", memory.process().url());
    Target ta = Target.of("gateway-a", pair.get(0).process().url());
    Target tb = Target.of("gateway-b", pair.get(1).process().url());
    long pa = pair.get(0).process().pid();
    long pb = pair.get(1).process().pid();
    Supplier<CpuTime> both = () -> ProcessCpu.times(List.of(pa, pb));
    List<Arm> arms = List.of(
      new Arm("memory", memory.process()::cpuTime, List.of(tm), false),
      new Arm("redis", pair.get(0).process()::cpuTime, List.of(ta), false),
      new Arm("spread", both, List.of(ta, tb), true),
      new Arm("alternating", both, List.of(ta, tb), false));
    List<LoadResult> results = new ArrayList<>();
    Map<String, List<Measured>> byArm = new LinkedHashMap<>();
    try {
      bench.warm(tm, memory.process().pid());
      bench.warm(ta, pa);
      bench.warm(tb, pb);
      LoadResult warm = bench.load(bench.loadOptions("warm-up alternating", List.of(ta, tb), CONCURRENCY,
        bench.options().warmup().dividedBy(4)).setMaxRequests(Math.max(1, bench.options().warmupRequests() / 4))
        .setProgress(false));
      bench.log("  " + warm.brief());
      List<Arm> order = new ArrayList<>(arms);
      for (int round = 1; round <= ROUNDS; round++) {
        for (Arm arm : order) {
          String label = "cross-instance r" + round + " " + arm.name();
          Measured m = arm.meter().measure(round, CONCURRENCY, () -> bench.load(bench.loadOptions(label,
            arm.targets(), CONCURRENCY, bench.options().scenarioWindow()).setSpread(arm.spread())));
          bench.log("  " + m.result().brief() + String.format(Locale.ROOT, ", gateway CPU %.1f us/request",
            m.cpuMicrosPerRequest()));
          results.add(m.result());
          byArm.computeIfAbsent(arm.name(), k -> new ArrayList<>()).add(m);
        }
        Collections.rotate(order, 1);
      }
    } finally {
      pair.get(1).process().close();
      pair.get(0).process().close();
      memory.process().close();
    }
    long failed = results.stream().mapToLong(r -> r.errors().total()).sum();
    double redisVsMemory = medianRatio(byArm.get("redis"), byArm.get("memory"), m -> m.result().throughput());
    double alternatingVsSingle = medianRatio(byArm.get("alternating"), byArm.get("redis"),
      m -> m.result().throughput());
    double cpuRedisVsMemory = medianRatio(byArm.get("redis"), byArm.get("memory"), Measured::cpuMicrosPerRequest);
    double cpuAlternatingVsSingle = medianRatio(byArm.get("alternating"), byArm.get("redis"),
      Measured::cpuMicrosPerRequest);
    double spreadVsSingle = medianRatio(byArm.get("spread"), byArm.get("redis"), m -> m.result().throughput());
    double cpuAlternatingVsSpread = medianRatio(byArm.get("alternating"), byArm.get("spread"),
      Measured::cpuMicrosPerRequest);
    List<String> notes = new ArrayList<>();
    notes.add(failed == 0 ? "no request failed; sessions served by both instances"
      : failed + " requests failed (the ratios are not comparable)");
    notes.add(String.format(Locale.ROOT, "median throughput redis/memory %.3f (goal >= 0.9), alternating/single %.3f "
      + "(goal >= 0.9)", redisVsMemory, alternatingVsSingle));
    notes.add(String.format(Locale.ROOT, "median gateway CPU per request (both gateways' when on two) "
      + "redis/memory %.3f, alternating/single %.3f, alternating/spread %.3f; throughput spread/single %.3f",
      cpuRedisVsMemory, cpuAlternatingVsSingle, cpuAlternatingVsSpread, spreadVsSingle));
    notes.forEach(note -> bench.log("  " + note));
    JsonObject figures = new JsonObject().put("keyPrefix", prefix)
      .put("redis/memory", redisVsMemory)
      .put("alternating/single", alternatingVsSingle)
      .put("cpuPerRequest redis/memory", cpuRedisVsMemory)
      .put("cpuPerRequest alternating/single", cpuAlternatingVsSingle)
      .put("cpuPerRequest alternating/spread", cpuAlternatingVsSpread)
      .put("spread/single", spreadVsSingle);
    byArm.forEach((arm, windows) -> figures.put("cpuMicrosPerRequest " + arm,
      Stats.round(Stats.median(windows.stream().map(Measured::cpuMicrosPerRequest).toList()), 1)));
    return new ScenarioResult(name(), description(), results, figures, notes);
  }

  /** The median over rounds of {@code figure(subject[i]) / figure(baseline[i])}, or -1. */
  private static double medianRatio(List<Measured> subject, List<Measured> baseline,
                                    ToDoubleFunction<Measured> figure) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < Math.min(subject.size(), baseline.size()); i++) {
      double base = figure.applyAsDouble(baseline.get(i));
      double value = figure.applyAsDouble(subject.get(i));
      if (base > 0 && value >= 0) {
        ratios.add(value / base);
      }
    }
    return ratios.isEmpty() ? -1 : Stats.round(Stats.median(ratios), 3);
  }

  /**
   * One way to send the load: its name, the CPU time of the gateways it loads, the targets, and whether each session
   * stays on one of them.
   */
  private record Arm(String name, Supplier<CpuTime> cpu, List<Target> targets, boolean spread) {
    /** The arm's measured window; its CPU is its gateways' whole processes (not split by thread role). */
    Contender meter() {
      return new Contender(Target.of(name, targets.get(0).url()), cpu, -1);
    }
  }
}
