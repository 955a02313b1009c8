package dev.switchboard.perf.bench;

import dev.switchboard.perf.load.LoadResult;
import dev.switchboard.perf.load.Target;
import dev.switchboard.perf.proc.Ports;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Two gateways sharing one Redis (a key prefix of their own), the same stub behind both; every session is opened on
 * the first and its requests alternate between the two, as behind a round-robin load balancer. Skipped when nothing
 * listens on the Redis port.
 */
final class CrossInstanceScenario implements Scenario {
  private static final int CONCURRENCY = 8;

  @Override
  public String name() {
    return "cross-instance";
  }

  @Override
  public String description() {
    return "two gateways sharing Redis, tools/call c=" + CONCURRENCY + ", each session's requests alternating";
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
    GatewayYaml yaml = new GatewayYaml().backend("stub", setup.stub().url()).redis(bench.options().redisUrl(), prefix);
    List<Bench.Started> pair = bench.gateways(List.of("gateway-redis-a", "gateway-redis-b"), yaml);
    Bench.Started a = pair.get(0);
    Bench.Started b = pair.get(1);
    List<LoadResult> results = new ArrayList<>();
    try {
      Target ta = Target.of("gateway-a", a.process().url());
      Target tb = Target.of("gateway-b", b.process().url());
      LoadResult single = bench.load(bench.loadOptions("cross-instance one gateway (redis)", List.of(ta),
        CONCURRENCY, bench.options().scenarioWindow()));
      bench.log("  " + single.brief());
      LoadResult alternating = bench.load(bench.loadOptions("cross-instance alternating a/b", List.of(ta, tb),
        CONCURRENCY, bench.options().scenarioWindow()));
      bench.log("  " + alternating.brief());
      results.add(single);
      results.add(alternating);
    } finally {
      b.process().close();
      a.process().close();
    }
    LoadResult alternating = results.get(1);
    String note = alternating.errors().total() == 0
      ? "sessions served by both instances without errors"
      : "alternating requests failed: " + alternating.errors().brief() + " (" + alternating.errors().toJson()
      .getJsonObject("samples", new JsonObject()).encode() + ")";
    bench.log("  " + note);
    JsonObject figures = new JsonObject().put("keyPrefix", prefix)
      .put("alternating/single", Versus.of(alternating, results.get(0)));
    return new ScenarioResult(name(), description(), results, figures, List.of(note));
  }
}
