package dev.switchboard.perf.bench;

import dev.switchboard.perf.load.Target;
import dev.switchboard.perf.stub.RunningStub;
import dev.switchboard.perf.stub.StdioStubMain;
import dev.switchboard.perf.stub.StubOptions;
import io.vertx.core.json.JsonObject;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The stdio arm: one gateway JVM in front of the perf stub twice, over streamable HTTP ({@code http_*}, the stub in
 * the perf JVM) and over stdio ({@code stdio_*}, {@link StdioStubMain} as a shared process the gateway starts).
 * Both arms are warmed up, then measured in interleaved windows (order rotating), with the gateway's CPU time per
 * call for each; the goal is stdio at most {@link #GOAL_RATIO} times the HTTP arm's CPU per call.
 */
final class StdioScenario implements Scenario {
  static final double GOAL_RATIO = 1.2;

  @Override
  public String name() {
    return "stdio";
  }

  @Override
  public String description() {
    return "gateway CPU per tools/call: the perf stub as a stdio process vs the same stub over streamable HTTP, "
      + "interleaved windows";
  }

  @Override
  public ScenarioResult run(Bench bench, Setup setup) {
    RunningStub http = bench.stub(new StubOptions().setName("perf-stub-http"));
    Bench.Started gateway = bench.gateway("gateway-stdio", new GatewayYaml().backend("http", http.url())
      .stdioBackend("stdio", stubCommand()));
    List<Contender> arms = List.of(
      new Contender(Target.of("http", gateway.process().url(), "http_"), gateway.process()::cpuTime,
        gateway.process().pid()),
      new Contender(Target.of("stdio", gateway.process().url(), "stdio_"), gateway.process()::cpuTime,
        gateway.process().pid()));
    List<Measured> measured = new ArrayList<>();
    try {
      arms.forEach(arm -> bench.warm(arm.target(), arm.jvmPid()));
      int window = 0;
      for (int round = 1; round <= bench.options().rounds(); round++) {
        for (int concurrency : bench.options().concurrencies()) {
          for (int i = 0; i < arms.size(); i++) {
            measured.add(measure(bench, round, concurrency, arms.get((i + window) % arms.size())));
          }
          window++;
        }
      }
    } finally {
      gateway.process().close();
    }
    return result(bench, measured);
  }

  private ScenarioResult result(Bench bench, List<Measured> measured) {
    JsonObject figures = new JsonObject();
    List<String> notes = new ArrayList<>();
    for (int concurrency : bench.options().concurrencies()) {
      double httpCpu = medianCpu(measured, "http", concurrency);
      double stdioCpu = medianCpu(measured, "stdio", concurrency);
      double ratio = httpCpu > 0 && stdioCpu > 0 ? stdioCpu / httpCpu : Double.NaN;
      figures.put("c" + concurrency, new JsonObject()
        .put("httpCpuMicrosPerCall", Stats.round(httpCpu, 1))
        .put("stdioCpuMicrosPerCall", Stats.round(stdioCpu, 1))
        .put("stdioOverHttpCpu", Stats.round(ratio, 2))
        .put("httpP50Ms", Stats.round(medianP50(measured, "http", concurrency), 3))
        .put("stdioP50Ms", Stats.round(medianP50(measured, "stdio", concurrency), 3)));
      String note = String.format(Locale.ROOT, "c=%d: gateway CPU per call stdio %.1f us vs http %.1f us: %.2fx "
        + "(goal <= %.1fx)%s", concurrency, stdioCpu, httpCpu, ratio, GOAL_RATIO, ratio <= GOAL_RATIO ? "" : " MISSED");
      notes.add(note);
      bench.log("  " + note);
    }
    return new ScenarioResult(name(), description(), measured.stream().map(Measured::result).toList(), figures,
      notes);
  }

  private static Measured measure(Bench bench, int round, int concurrency, Contender arm) {
    Measured m = arm.measure(round, concurrency, () -> bench.load(bench.loadOptions(String.format(Locale.ROOT,
      "stdio r%d c=%d %s", round, concurrency, arm.name()), List.of(arm.target()), concurrency,
      bench.options().scenarioWindow())));
    bench.log("  " + m.result().brief() + String.format(Locale.ROOT, "  cpu %.1f us/req%s", m.cpuMicrosPerRequest(),
      m.rolesBrief()));
    return m;
  }

  private static double medianCpu(List<Measured> measured, String arm, int concurrency) {
    return Stats.median(measured.stream().filter(m -> m.target().equals(arm) && m.concurrency() == concurrency)
      .map(Measured::cpuMicrosPerRequest).filter(v -> v >= 0).toList());
  }

  private static double medianP50(List<Measured> measured, String arm, int concurrency) {
    return Stats.median(measured.stream().filter(m -> m.target().equals(arm) && m.concurrency() == concurrency)
      .map(m -> m.result().percentileMillis(50)).toList());
  }

  /** This JVM's java running {@link StdioStubMain} from the jar (or classes directory) this code came from. */
  private static List<String> stubCommand() {
    String java = ProcessHandle.current().info().command().orElse("java");
    try {
      Path code = Path.of(StdioStubMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return List.of(java, "-XX:+UseSerialGC", "-Xmx256m", "-cp", code.toString(), StdioStubMain.class.getName());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the perf code: " + e.getMessage(), e);
    }
  }
}
