package dev.switchboard.perf.bench;

import dev.switchboard.perf.load.LoadResult;
import dev.switchboard.perf.load.Target;
import dev.switchboard.perf.proc.Ports;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The Redis session store against the memory store, and two instances against one. Three gateway JVMs, the same stub
 * behind each: one with the memory store, two sharing one Redis (a key prefix of their own). Each is warmed up as
 * the comparison's gateway is (its budget halved), then rounds in rotating order measure the memory gateway, one
 * Redis gateway alone, and the two Redis gateways with every session's requests alternating between them, as behind a
 * round-robin load balancer (sessions are opened on the first). Reported: the medians of the per-round ratios
 * {@code redis/memory} and {@code alternating/single}. Skipped when nothing listens on the Redis port.
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
    return "Redis store vs memory store, and two gateways sharing Redis with each session's requests alternating vs "
      + "one, tools/call c=" + CONCURRENCY + ", " + ROUNDS + " rotating rounds after a warm-up";
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
    Map<String, List<Target>> arms = new LinkedHashMap<>();
    arms.put("memory", List.of(tm));
    arms.put("redis", List.of(ta));
    arms.put("alternating", List.of(ta, tb));
    List<LoadResult> results = new ArrayList<>();
    Map<String, List<LoadResult>> byArm = new LinkedHashMap<>();
    try {
      arms.forEach((arm, targets) -> {
        LoadResult warm = bench.load(bench.loadOptions("warm-up " + arm, targets, CONCURRENCY,
          bench.options().warmup().dividedBy(2)).setMaxRequests(Math.max(1, bench.options().warmupRequests() / 2))
          .setProgress(false));
        bench.log("  " + warm.brief());
      });
      List<String> order = new ArrayList<>(arms.keySet());
      for (int round = 1; round <= ROUNDS; round++) {
        for (String arm : order) {
          LoadResult result = bench.load(bench.loadOptions("cross-instance r" + round + " " + arm, arms.get(arm),
            CONCURRENCY, bench.options().scenarioWindow()));
          bench.log("  " + result.brief());
          results.add(result);
          byArm.computeIfAbsent(arm, k -> new ArrayList<>()).add(result);
        }
        Collections.rotate(order, 1);
      }
    } finally {
      pair.get(1).process().close();
      pair.get(0).process().close();
      memory.process().close();
    }
    long failed = results.stream().mapToLong(r -> r.errors().total()).sum();
    double redisVsMemory = medianRatio(byArm.get("redis"), byArm.get("memory"));
    double alternatingVsSingle = medianRatio(byArm.get("alternating"), byArm.get("redis"));
    List<String> notes = new ArrayList<>();
    notes.add(failed == 0 ? "no request failed; sessions served by both instances"
      : failed + " requests failed (the ratios are not comparable)");
    notes.add(String.format(Locale.ROOT, "median throughput redis/memory %.3f (goal >= 0.9), alternating/single %.3f "
      + "(goal >= 0.9)", redisVsMemory, alternatingVsSingle));
    notes.forEach(note -> bench.log("  " + note));
    JsonObject figures = new JsonObject().put("keyPrefix", prefix)
      .put("redis/memory", redisVsMemory)
      .put("alternating/single", alternatingVsSingle);
    return new ScenarioResult(name(), description(), results, figures, notes);
  }

  /** The median over rounds of {@code subject[i] / baseline[i]} throughput. */
  private static double medianRatio(List<LoadResult> subject, List<LoadResult> baseline) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < Math.min(subject.size(), baseline.size()); i++) {
      if (baseline.get(i).throughput() > 0) {
        ratios.add(subject.get(i).throughput() / baseline.get(i).throughput());
      }
    }
    return ratios.isEmpty() ? -1 : Stats.round(Stats.median(ratios), 3);
  }
}
