package dev.switchboard.perf.bench;

import dev.switchboard.perf.load.LoadGenerator;
import dev.switchboard.perf.load.LoadOptions;
import dev.switchboard.perf.load.LoadResult;
import dev.switchboard.perf.load.Target;
import dev.switchboard.perf.proc.GatewayLaunch;
import dev.switchboard.perf.proc.GatewayProcess;
import dev.switchboard.perf.proc.Ports;
import dev.switchboard.perf.proc.ThreadCpu;
import dev.switchboard.perf.stub.RunningStub;
import dev.switchboard.perf.stub.StubOptions;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * What the benchmark steps share: the Vert.x instance of the load generator and the stubs, the options, the work
 * directory for gateway configs and logs, and what must be stopped at the end (closed in reverse order).
 */
final class Bench implements AutoCloseable {
  static final long SETTLE_SLICE_SECONDS = 2;
  static final double JIT_SETTLED_SHARE = 0.05;
  private static final int WARM_CONCURRENCY = 16;
  /** Slack on top of a load run's duration and request timeout before the orchestration gives up on it. */
  private static final Duration RUN_SLACK = Duration.ofSeconds(60);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Vertx vertx;
  private final BenchmarkOptions options;
  private final Path workDir;
  private final Deque<AutoCloseable> resources = new ArrayDeque<>();

  Bench(Vertx vertx, BenchmarkOptions options) {
    this.vertx = vertx;
    this.options = options;
    this.workDir = options.outDir().resolve("work");
  }

  Vertx vertx() {
    return vertx;
  }

  BenchmarkOptions options() {
    return options;
  }

  Path workDir() {
    return workDir;
  }

  /** Runs one load to completion (bounded). */
  LoadResult load(LoadOptions load) {
    Duration bound = load.getDuration().plus(load.getTimeout()).plus(RUN_SLACK);
    return Await.result(LoadGenerator.run(vertx, load), bound);
  }

  /** Load options for {@code targets} with this run's lanes and progress setting. */
  LoadOptions loadOptions(String label, List<Target> targets, int concurrency, Duration duration) {
    return new LoadOptions().setLabel(label).setTargets(targets).setConcurrency(concurrency).setDuration(duration)
      .setLanes(options.lanes()).setProgress(options.progress());
  }

  /** Deploys a stub on its own event loop; stopped when the bench closes. */
  RunningStub stub(StubOptions stubOptions) {
    RunningStub stub = Await.result(RunningStub.deploy(vertx, Ports.LOOPBACK, stubOptions), START_TIMEOUT);
    resources.push(() -> Await.result(stub.close(), START_TIMEOUT));
    return stub;
  }

  /** Starts a gateway JVM and waits until it answers initialize; stopped when the bench closes (or earlier). */
  Started gateway(String name, GatewayYaml yaml) {
    return gateway(name, yaml, options.launch());
  }

  /** Like {@link #gateway(String, GatewayYaml)} with another launch (the candidate jar). */
  Started gateway(String name, GatewayYaml yaml, GatewayLaunch launch) {
    return gateway(name, yaml, launch, null);
  }

  /** Like {@link #gateway(String, GatewayYaml)} for a gateway that needs {@code authorization} on requests. */
  Started gateway(String name, GatewayYaml yaml, String authorization) {
    return gateway(name, yaml, options.launch(), authorization);
  }

  private Started gateway(String name, GatewayYaml yaml, GatewayLaunch launch, String authorization) {
    GatewayProcess gateway = GatewayProcess.start(launch, name, yaml.build(), List.of(), workDir);
    resources.push(gateway);
    try {
      Duration coldStart = gateway.awaitInitialize(START_TIMEOUT, authorization);
      return new Started(gateway, coldStart);
    } catch (RuntimeException e) {
      gateway.close();
      throw e;
    }
  }

  /** Starts several gateway JVMs at once (they boot in parallel) and waits for each one's first initialize. */
  List<Started> gateways(List<String> names, GatewayYaml yaml) {
    List<GatewayProcess> processes = new ArrayList<>();
    for (String name : names) {
      processes.add(closeLater(GatewayProcess.start(options.launch(), name, yaml.build(), List.of(), workDir)));
    }
    List<Started> started = new ArrayList<>();
    for (GatewayProcess process : processes) {
      started.add(new Started(process, process.awaitInitialize(START_TIMEOUT)));
    }
    return started;
  }

  /**
   * Warms a freshly started gateway up before it is measured: tools/call at c=16 for half the warm-up budget
   * (requests and time), not reported, then {@link #settle} on its JVM ({@code jvmPid}). A sixth, as before, left the
   * JIT compiling through the measured windows.
   */
  void warm(Target target, long jvmPid) {
    warm(target, jvmPid, false);
  }

  /** Like {@link #warm(Target, long)}, with stateless calls (MCP 2026-07-28) when {@code stateless}. */
  void warm(Target target, long jvmPid, boolean stateless) {
    LoadResult warm = load(loadOptions("warm-up " + target.name(), List.of(target), WARM_CONCURRENCY,
      options.warmup().dividedBy(2)).setMaxRequests(Math.max(1, options.warmupRequests() / 2))
      .setStateless(stateless).setProgress(false));
    log("  " + warm.brief());
    settle(target, jvmPid, WARM_CONCURRENCY, stateless);
  }

  /**
   * More warm-up of the JVM {@code jvmPid} (none when it is -1 or its threads cannot be read) in slices of {@value
   * #SETTLE_SLICE_SECONDS} s, while its JIT compiler threads used at least {@value #JIT_SETTLED_SHARE} of its CPU in
   * the last slice, for at most another {@link BenchmarkOptions#warmup()}: on a slow machine a request or time budget
   * can end while C2 still compiles, and the first windows then measure the compiler (round 9 of
   * docs/performance.md saw 566 us of JIT per call at c=1, and an SSE gateway still speeding up from round to round).
   */
  void settle(Target target, long jvmPid, int concurrency, boolean stateless) {
    Map<String, Long> before = jvmPid < 0 ? Map.of() : ThreadCpu.byRole(jvmPid);
    if (before.isEmpty()) {
      return;
    }
    Duration slice = Duration.ofSeconds(SETTLE_SLICE_SECONDS);
    Duration spent = Duration.ZERO;
    double jitShare = 1;
    while (jitShare >= JIT_SETTLED_SHARE && spent.plus(slice).compareTo(options.warmup()) <= 0) {
      load(loadOptions("settle " + target.name(), List.of(target), concurrency, slice).setStateless(stateless)
        .setProgress(false));
      Map<String, Long> after = ThreadCpu.byRole(jvmPid);
      Map<String, Long> used = ThreadCpu.delta(before, after);
      long total = used.values().stream().mapToLong(Long::longValue).sum();
      jitShare = total <= 0 ? 0 : (double) used.getOrDefault("jit", 0L) / total;
      spent = spent.plus(slice);
      before = after;
    }
    if (!spent.isZero()) {
      log(String.format("  warm-up %s: %d s more; its JIT used %.0f%% of its CPU in the last %d s%s", target.name(),
        spent.toSeconds(), jitShare * 100, SETTLE_SLICE_SECONDS,
        jitShare >= JIT_SETTLED_SHARE ? ", still compiling when --warmup ran out" : ""));
    }
  }

  /** Registers something to close at the end. */
  <T extends AutoCloseable> T closeLater(T resource) {
    resources.push(resource);
    return resource;
  }

  void log(String line) {
    System.out.println(line);
    System.out.flush();
  }

  @Override
  public void close() {
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (Exception e) {
        System.err.println("perf: cleanup: " + e.getMessage());
      }
    }
  }

  /** A gateway that answered its first initialize, and how long that took from process start. */
  record Started(GatewayProcess process, Duration coldStart) {
  }
}
