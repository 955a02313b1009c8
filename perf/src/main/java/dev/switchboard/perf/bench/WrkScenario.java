package dev.switchboard.perf.bench;

import dev.switchboard.perf.proc.NginxProcess;
import dev.switchboard.perf.proc.NodeServer;
import dev.switchboard.perf.proc.Wrk;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Witnesses nobody here wrote: wrk drives stateless {@code tools/call}s (2026-07-28, no session to open) at a Node
 * backend built with the TypeScript SDK v2 ({@code interop/v2only.mjs}): directly, through nginx and through a gateway
 * JVM of its own, in rotating order per round, with the gateway's CPU per call. Skipped, with a note, when wrk, node or
 * the interop packages ({@code npm ci --prefix interop}) are missing.
 */
final class WrkScenario implements Scenario {
  private static final int CONNECTIONS = 16;
  private static final Path BACKEND = Path.of("interop", "v2only.mjs");
  private static final Path SDK = Path.of("interop", "node_modules", "@modelcontextprotocol", "server");
  private static final String TOOL = "echo";

  @Override
  public String name() {
    return "wrk";
  }

  @Override
  public String description() {
    return "wrk, " + CONNECTIONS + " connections, stateless tools/call (2026-07-28) to a Node SDK v2 backend: direct, "
      + "nginx and gateway, rotating order per round";
  }

  @Override
  public ScenarioResult run(Bench bench, Setup setup) {
    String missing = !Files.exists(BACKEND) || !Files.isDirectory(SDK) ? "interop packages (npm ci --prefix interop)"
      : !NodeServer.available() ? "node" : null;
    var wrk = Wrk.find(bench.workDir());
    if (missing == null && wrk.isEmpty()) {
      missing = "wrk (Debian package wrk)";
    }
    if (missing != null) {
      bench.log("  skipped: " + missing + " not found");
      return new ScenarioResult(name(), description(), List.of(), new JsonObject(),
        List.of("skipped: " + missing + " not found"));
    }
    NodeServer node = bench.closeLater(NodeServer.start(BACKEND, bench.workDir().resolve("node-v2only.log")));
    Bench.Started gateway = bench.gateway("gateway-wrk", new GatewayYaml().backend("node", node.url()));
    try {
      Map<String, String> targets = new LinkedHashMap<>();
      targets.put("direct", node.url());
      targets.put("gateway", gateway.process().url());
      Path nginxBinary = bench.options().nginx() ? NginxProcess.binary() : null;
      if (nginxBinary != null) {
        NginxProcess nginx = bench.closeLater(NginxProcess.start(nginxBinary, node.port(),
          bench.workDir().resolve("wrk")));
        targets.put("nginx", nginx.url());
      }
      return measure(bench, wrk.get(), targets, gateway.process()::cpuNanos);
    } finally {
      gateway.process().close();
      node.close();
    }
  }

  private ScenarioResult measure(Bench bench, Wrk wrk, Map<String, String> targets, LongSupplier gatewayCpu) {
    Duration window = bench.options().scenarioWindow().compareTo(Duration.ofSeconds(2)) < 0 ? Duration.ofSeconds(2)
      : bench.options().scenarioWindow();
    targets.forEach((name, url) -> bench.log("  " + wrk.run("warm-up " + name, url, CONNECTIONS,
      Duration.ofSeconds(5), TOOL).brief()));
    List<String> names = new ArrayList<>(targets.keySet());
    Map<String, List<Wrk.Result>> runs = new LinkedHashMap<>();
    long gatewayNanos = 0;
    long gatewayRequests = 0;
    long errors = 0;
    for (int round = 0; round < bench.options().rounds(); round++) {
      for (int i = 0; i < names.size(); i++) {
        String name = names.get((i + round) % names.size());
        long before = gatewayCpu.getAsLong();
        Wrk.Result result = wrk.run(String.format(Locale.ROOT, "wrk r%d %s", round + 1, name), targets.get(name),
          CONNECTIONS, window, TOOL);
        long after = gatewayCpu.getAsLong();
        if (name.equals("gateway") && before >= 0 && after >= 0) {
          gatewayNanos += after - before;
          gatewayRequests += result.requests();
        }
        errors += result.errors();
        runs.computeIfAbsent(name, n -> new ArrayList<>()).add(result);
        bench.log("  " + result.brief());
      }
    }
    JsonObject figures = new JsonObject();
    Map<String, Double> median = new LinkedHashMap<>();
    runs.forEach((name, results) -> {
      median.put(name, Stats.median(results.stream().map(Wrk.Result::rate).toList()));
      figures.put(name, new JsonObject().put("throughput", Stats.round(median.get(name), 1))
        .put("p50Ms", Stats.round(Stats.median(results.stream().map(Wrk.Result::p50Millis).toList()), 3)));
    });
    for (String baseline : List.of("direct", "nginx")) {
      if (median.containsKey(baseline)) {
        figures.put("gateway/" + baseline, Stats.round(median.get("gateway") / median.get(baseline), 3));
      }
    }
    double cpu = gatewayRequests == 0 ? -1 : gatewayNanos / 1e3 / gatewayRequests;
    figures.put("gatewayCpuMicrosPerCall", Stats.round(cpu, 1)).put("errors", errors);
    List<String> notes = List.of(String.format(Locale.ROOT, "median throughput gateway/direct %.3f%s; gateway CPU "
        + "%.1f us per call; %d failed answers", median.get("gateway") / median.get("direct"),
      median.containsKey("nginx") ? String.format(Locale.ROOT, ", gateway/nginx %.3f",
        median.get("gateway") / median.get("nginx")) : "", cpu, errors));
    bench.log("  " + notes.get(0));
    return new ScenarioResult(name(), description(), List.of(), figures, notes);
  }
}
