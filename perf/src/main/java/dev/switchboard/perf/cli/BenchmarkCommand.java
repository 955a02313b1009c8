package dev.switchboard.perf.cli;

import dev.switchboard.perf.bench.Benchmark;
import dev.switchboard.perf.bench.BenchmarkOptions;
import dev.switchboard.perf.proc.GatewayLaunch;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@code benchmark}, {@code scenario NAME[,NAME]} and {@code profile}: one {@link Benchmark} run each. */
final class BenchmarkCommand {
  enum Kind { BENCHMARK, SCENARIO, PROFILE }

  private BenchmarkCommand() {
  }

  static int run(Args args, String commandLine, Kind kind) {
    BenchmarkOptions o = args.flag("smoke") ? BenchmarkOptions.smoke()
      : args.flag("quick") ? BenchmarkOptions.quick() : BenchmarkOptions.full();
    args.flag("full");
    o.rounds(args.integer("rounds", o.rounds()))
      .window(args.duration("window", o.window()))
      .warmup(args.duration("warmup", o.warmup()))
      .warmupRequests(args.integer("warmup-requests", (int) o.warmupRequests()))
      .concurrencies(args.integers("concurrency", o.concurrencies()))
      .idleSessions(args.integer("idle-sessions", o.idleSessions()))
      .coldStarts(args.integer("cold-starts", o.coldStarts()))
      .scenarioWindow(args.duration("scenario-window", o.scenarioWindow()))
      .profileWindow(args.duration("profile-window", o.profileWindow()))
      .profileSize(args.integer("profile-size", o.profileSize()))
      .openLoopRate(args.number("rate", o.openLoopRate()))
      .lanes(args.integer("lanes", o.lanes()))
      .redisUrl(args.string("redis-url", o.redisUrl()))
      .outDir(Path.of(args.string("out", Locations.defaultReportDir().toString())).toAbsolutePath())
      .nginx(!args.flag("no-nginx"))
      .plainRelay(!args.flag("no-vertx"))
      .profile(args.flag("profile") || kind == Kind.PROFILE);
    if (args.flag("no-progress")) {
      o.progress(false);
    }
    String scenarios = args.string("scenarios", null);
    if (scenarios != null) {
      o.scenarios(scenarios.equals("all") ? BenchmarkOptions.ALL_SCENARIOS
        : scenarios.equals("none") ? List.of() : List.of(scenarios.split(",")));
    }
    if (kind == Kind.SCENARIO) {
      if (args.positional().isEmpty()) {
        throw new IllegalArgumentException("scenario needs names: " + BenchmarkOptions.ALL_SCENARIOS);
      }
      o.comparison(false).scenarios(args.positional().stream()
        .flatMap(p -> Arrays.stream(p.split(","))).toList());
    } else if (kind == Kind.PROFILE) {
      o.comparison(false).scenarios(List.of());
    } else if (!args.positional().isEmpty()) {
      throw new IllegalArgumentException("unexpected arguments: " + args.positional());
    }
    String jar = args.string("gateway-jar", null);
    String jvmArgs = args.string("gateway-jvm-args", "");
    o.launch(GatewayLaunch.find(jar == null ? null : Path.of(jar), Locations.repoRoot(),
      jvmArgs.isBlank() ? List.of() : List.of(jvmArgs.trim().split("\\s+"))));
    String candidate = args.string("candidate-jar", null);
    String candidateJvmArgs = args.string("candidate-jvm-args", "");
    if (candidate != null || !candidateJvmArgs.isBlank()) {
      List<String> candidateArgs = new ArrayList<>(o.launch().jvmArgs());
      if (!candidateJvmArgs.isBlank()) {
        candidateArgs.addAll(List.of(candidateJvmArgs.trim().split("\\s+")));
      }
      o.candidate(candidate == null ? new GatewayLaunch(o.launch().gatewayJar(), o.launch().selfClassPath(),
        candidateArgs) : GatewayLaunch.find(Path.of(candidate), null, candidateArgs));
    }
    String candidateConfig = args.string("candidate-config", null);
    if (candidateConfig != null) {
      o.candidateConfig(candidateConfig.replace("\\n", "\n"));
      if (o.candidate() == null) {
        o.candidate(o.launch());
      }
    }
    args.rejectUnknown();
    JsonObject summary = new Benchmark(o, commandLine).run();
    long failures = Benchmark.failures(summary);
    if (o.preset().equals("smoke")) {
      return smokeVerdict(o.outDir(), failures);
    }
    return 0;
  }

  /** The CI check: the report exists and no request failed. Never a speed assertion. */
  private static int smokeVerdict(Path dir, long failures) {
    boolean report = Files.isRegularFile(dir.resolve("summary.json")) && Files.isRegularFile(dir.resolve("index.html"));
    System.out.println("smoke: report " + (report ? "written" : "MISSING") + ", failed requests: " + failures);
    return report && failures == 0 ? 0 : 1;
  }
}
