package dev.switchboard.perf.bench;

import dev.switchboard.perf.load.LoadResult;
import dev.switchboard.perf.load.Target;
import dev.switchboard.perf.proc.GatewayProcess;
import dev.switchboard.perf.proc.NginxProcess;
import dev.switchboard.perf.proc.PlainRelayProcess;
import dev.switchboard.perf.profile.Profiler;
import dev.switchboard.perf.report.ReportWriter;
import dev.switchboard.perf.stub.RunningStub;
import dev.switchboard.perf.stub.StubOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Optional;

/**
 * The {@code benchmark} command: stub, gateway JVM, nginx and the plain Vert.x relay are started; the comparison runs
 * interleaved; the scenarios follow; cold start is measured on fresh gateway JVMs and the idle-session heap on the
 * last of them; optionally JFR profiles the gateway; the report is written. {@link #run()} returns the summary, whose
 * {@code failures} counts the failed requests (cross-instance excluded).
 */
public final class Benchmark {
  private static final int PROFILE_CONCURRENCY = 16;
  private final BenchmarkOptions options;
  private final String commandLine;

  public Benchmark(BenchmarkOptions options, String commandLine) {
    this.options = options;
    this.commandLine = commandLine;
  }

  /** Runs everything and writes the report; returns the summary written to {@code summary.json}. */
  public JsonObject run() {
    long started = System.nanoTime();
    Vertx vertx = Vertx.vertx();
    JsonObject summary = new JsonObject().put("preset", options.preset()).put("command", commandLine)
      .put("startedAt", Instant.now().toString()).put("machine", Machine.describe())
      .put("gateway", options.launch().describe());
    long failures = 0;
    try (Bench bench = new Bench(vertx, options)) {
      bench.log("switchboard-perf " + options.preset() + ": " + Machine.describe().getString("summary"));
      RunningStub stub = bench.stub(new StubOptions());
      GatewayYaml yaml = new GatewayYaml().backend("stub", stub.url());
      Bench.Started gateway = bench.gateway("gateway", yaml);
      bench.log("stub " + stub.url() + ", gateway " + gateway.process().url() + " (pid " + gateway.process().pid()
        + ", first initialize after " + gateway.coldStart().toMillis() + " ms)");
      List<Contender> contenders = new ArrayList<>();
      contenders.add(new Contender(Target.of("direct", stub.url()), null, -1));
      contenders.add(new Contender(Target.of("gateway", gateway.process().url()), gateway.process()::cpuTime,
        gateway.process().pid()));
      nginx(bench, stub, summary).ifPresent(contenders::add);
      plainRelay(bench, stub, summary).ifPresent(contenders::add);
      if (options.candidate() != null && options.comparison()) {
        GatewayYaml candidateYaml = options.candidateConfig() == null ? yaml
          : new GatewayYaml().backend("stub", stub.url()).extra(options.candidateConfig());
        Bench.Started candidate = bench.gateway("candidate", candidateYaml, options.candidate());
        summary.put("candidate", options.candidate().describe()
          + (options.candidateConfig() == null ? "" : " with " + options.candidateConfig()));
        bench.log("candidate gateway " + candidate.process().url() + " from " + options.candidate().describe());
        contenders.add(new Contender(Target.of(ComparisonFigures.CANDIDATE, candidate.process().url()),
          candidate.process()::cpuTime, candidate.process().pid()));
      }
      Setup setup = new Setup(stub, gateway.process(), contenders);
      JsonObject headline = new JsonObject();
      if (!options.comparison() && !options.scenarios().isEmpty()) {
        for (Contender contender : contenders) {
          LoadResult warm = bench.load(bench.loadOptions("warm-up " + contender.name(),
            List.of(contender.target()), 16, options.warmup()).setMaxRequests(options.warmupRequests()));
          bench.log("  " + warm.brief());
        }
      }
      if (options.comparison()) {
        bench.log("comparison: tools/call, " + options.rounds() + " rounds x c=" + options.concurrencies() + " x "
          + contenders.stream().map(Contender::name).toList() + ", " + options.window().toMillis() + " ms windows");
        List<Measured> windows = new Comparison(bench, contenders).run();
        ComparisonFigures figures = new ComparisonFigures(windows);
        failures += figures.failures();
        summary.put("comparison", figures.toJson(options));
      }
      JsonArray scenarios = new JsonArray();
      for (String name : options.scenarios()) {
        Scenario scenario = Scenarios.byName(name, options);
        bench.log("scenario " + name + ": " + scenario.description());
        ScenarioResult result = scenario.run(bench, setup);
        if (!"cross-instance".equals(name)) {
          failures += result.failures();
        }
        scenarios.add(result.toJson());
      }
      summary.put("scenarios", scenarios);
      if (options.comparison()) {
        bench.log("idle sessions and cold start (fresh gateway JVMs)");
        ColdStart.Measured cold = ColdStart.measure(bench, yaml, options.coldStarts(),
          gateway.coldStart());
        summary.put("coldStart", cold.figures());
        if (options.idleSessions() > 0) {
          Bench.Started idle = cold.last() != null ? cold.last() : gateway;
          JsonObject heap = IdleHeap.measure(bench, idle.process(), options.idleSessions());
          failures += heap.getJsonObject("errors").getLong("total");
          summary.put("idleSessions", heap.put("gatewayProcess", idle.process().name()));
          if (idle != gateway) {
            idle.process().close();
          }
        } else if (cold.last() != null) {
          cold.last().process().close();
        }
      }
      if (options.profile()) {
        summary.put("profile", profile(bench, gateway.process()));
      }
      headline(summary, headline);
      summary.put("headline", headline).put("goals", Goals.evaluate(headline));
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS)
        .exceptionally(e -> null).join();
    }
    summary.put("failures", failures).put("seconds", Stats.round((System.nanoTime() - started) / 1e9, 1));
    Path written = ReportWriter.write(summary, options.outDir());
    System.out.println(ReportWriter.console(summary));
    System.out.println("report: " + written.toAbsolutePath() + " and "
      + options.outDir().resolve("summary.json").toAbsolutePath());
    return summary;
  }

  private Optional<Contender> nginx(Bench bench, RunningStub stub, JsonObject summary) {
    boolean wanted = options.nginx() && (options.comparison() || !options.scenarios().isEmpty());
    Path binary = wanted ? NginxProcess.binary() : null;
    if (binary == null) {
      summary.put("nginx", !wanted ? "not used" : options.nginx() ? "not installed" : "disabled");
      bench.log("nginx: " + summary.getString("nginx") + " (the comparison runs without it)");
      return Optional.empty();
    }
    NginxProcess nginx = bench.closeLater(NginxProcess.start(binary, stub.port(), bench.workDir()));
    summary.put("nginx", NginxProcess.version(binary));
    bench.log("nginx " + nginx.url() + " -> stub (" + summary.getString("nginx") + ")");
    return Optional.of(new Contender(Target.of("nginx", nginx.url()), nginx::cpuTime, -1));
  }

  /** The plain Vert.x relay in front of the stub: what the gateway's HTTP stack costs with no MCP in it. */
  private Optional<Contender> plainRelay(Bench bench, RunningStub stub, JsonObject summary) {
    if (!options.plainRelay() || (!options.comparison() && options.scenarios().isEmpty())) {
      summary.put("plainRelay", "not used");
      return Optional.empty();
    }
    PlainRelayProcess relay = bench.closeLater(PlainRelayProcess.start(stub.port(), options.launch(), bench.workDir()));
    summary.put("plainRelay", "Vert.x HTTP server and pooled client, " + Runtime.getRuntime().availableProcessors()
      + " event loops");
    bench.log("plain Vert.x relay " + relay.url() + " -> stub (pid " + relay.pid() + ")");
    return Optional.of(new Contender(Target.of(PlainRelayProcess.NAME, relay.url()), relay::cpuTime, relay.pid()));
  }

  private JsonObject profile(Bench bench, GatewayProcess gateway) {
    Target target = Target.of("gateway", gateway.url());
    if (!options.comparison()) {
      LoadResult warm = bench.load(bench.loadOptions("warm-up gateway", List.of(target), PROFILE_CONCURRENCY,
        options.warmup()).setMaxRequests(options.warmupRequests()));
      bench.log("  " + warm.brief());
    }
    bench.log("profile: JFR on the gateway during tools/call c=" + PROFILE_CONCURRENCY + ", " + options.profileSize()
      + "-character results, for " + options.profileWindow().toSeconds() + " s");
    Profiler.Profiled<LoadResult> profiled = Profiler.record(gateway.probe(), "gateway-tools-call",
      options.outDir(), () -> bench.load(bench.loadOptions("profile gateway", List.of(target), PROFILE_CONCURRENCY,
        options.profileWindow()).setPayloadSize(options.profileSize())));
    bench.log("  " + profiled.result().brief());
    bench.log("  " + profiled.summary().toAbsolutePath());
    return profiled.top().toJson().put("load", profiled.result().toJson())
      .put("jfr", profiled.jfr().toString()).put("summaryFile", profiled.summary().toString());
  }

  private static void headline(JsonObject summary, JsonObject headline) {
    JsonObject byC = summary.getJsonObject("comparison", new JsonObject())
      .getJsonObject("byConcurrency", new JsonObject());
    JsonObject c1 = byC.getJsonObject("1", new JsonObject());
    JsonObject c16 = byC.getJsonObject("16", new JsonObject());
    put(headline, "throughputGatewayOverDirectC16", c16.getJsonObject("gateway/direct"), "throughputRatio");
    put(headline, "throughputGatewayOverNginxC16", c16.getJsonObject("gateway/nginx"), "throughputRatio");
    put(headline, "throughputGatewayOverDirectC1", c1.getJsonObject("gateway/direct"), "throughputRatio");
    put(headline, "throughputGatewayOverNginxC1", c1.getJsonObject("gateway/nginx"), "throughputRatio");
    put(headline, "addedP50MsC1", c1.getJsonObject("gateway/direct"), "addedP50Ms");
    put(headline, "addedP99MsC1", c1.getJsonObject("gateway/direct"), "addedP99Ms");
    put(headline, "addedP50MsC16", c16.getJsonObject("gateway/direct"), "addedP50Ms");
    put(headline, "addedP99MsC16", c16.getJsonObject("gateway/direct"), "addedP99Ms");
    put(headline, "gatewayCpuMicrosPerCall", c16.getJsonObject("gateway"), "cpuMicrosPerRequest");
    put(headline, "gatewayCpuMicrosPerCallC1", c1.getJsonObject("gateway"), "cpuMicrosPerRequest");
    put(headline, "nginxCpuMicrosPerCall", c16.getJsonObject("nginx"), "cpuMicrosPerRequest");
    put(headline, "throughputGatewayOverVertxC16", c16.getJsonObject("gateway/" + PlainRelayProcess.NAME),
      "throughputRatio");
    put(headline, "throughputVertxOverNginxC16", c16.getJsonObject(PlainRelayProcess.NAME + "/nginx"),
      "throughputRatio");
    put(headline, "vertxCpuMicrosPerCall", c16.getJsonObject(PlainRelayProcess.NAME), "cpuMicrosPerRequest");
    put(headline, "vertxCpuMicrosPerCallC1", c1.getJsonObject(PlainRelayProcess.NAME), "cpuMicrosPerRequest");
    put(headline, "gatewaySystemCpuMicrosPerCall", c16.getJsonObject("gateway"), "systemCpuMicrosPerRequest");
    put(headline, "nginxSystemCpuMicrosPerCall", c16.getJsonObject("nginx"), "systemCpuMicrosPerRequest");
    put(headline, "heapKiBPerIdleSession", summary.getJsonObject("idleSessions"), "kibPerSession");
    put(headline, "coldStartMillis", summary.getJsonObject("coldStart"), "medianMillis");
  }

  private static void put(JsonObject headline, String key, JsonObject from, String field) {
    if (from != null && from.getValue(field) != null) {
      headline.put(key, from.getValue(field));
    }
  }

  /** Failed requests counted in a summary (cross-instance excluded: it may fail while that feature is unfinished). */
  public static long failures(JsonObject summary) {
    return summary.getLong("failures", 0L);
  }
}
