package dev.switchboard.perf.bench;

import dev.switchboard.perf.load.LoadOptions;
import dev.switchboard.perf.load.LoadResult;
import dev.switchboard.perf.proc.ThreadCpu;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The standard comparison: tools/call (small payload, closed loop) against every contender, interleaved: for each
 * round and concurrency the contenders run one after the other, in an order that rotates from one window to the
 * next, so that drift (other builds on the machine, JIT, GC) spreads over all of them. A warm-up per contender
 * comes first and is not reported: {@link BenchmarkOptions#warmupRequests()} requests or {@link
 * BenchmarkOptions#warmup()}, whichever ends first (a fresh gateway JVM needs on the order of 10^5 calls before
 * its JIT settles on a loaded 2-core machine).
 */
final class Comparison {
  static final long SETTLE_SLICE_SECONDS = 2;
  static final double JIT_SETTLED_SHARE = 0.05;

  private final Bench bench;
  private final List<Contender> contenders;

  Comparison(Bench bench, List<Contender> contenders) {
    this.bench = bench;
    this.contenders = List.copyOf(contenders);
  }

  List<Measured> run() {
    BenchmarkOptions options = bench.options();
    int warmupConcurrency = options.concurrencies().stream().max(Integer::compare).orElse(16);
    for (Contender contender : contenders) {
      LoadResult warm = bench.load(bench.loadOptions("warm-up " + contender.name(), List.of(contender.target()),
        warmupConcurrency, options.warmup()).setMaxRequests(options.warmupRequests()));
      bench.log("  " + warm.brief());
      settle(contender, warmupConcurrency);
    }
    List<Measured> measured = new ArrayList<>();
    int window = 0;
    for (int round = 1; round <= options.rounds(); round++) {
      for (int concurrency : options.concurrencies()) {
        for (int i = 0; i < contenders.size(); i++) {
          Contender contender = contenders.get((i + window) % contenders.size());
          measured.add(measure(round, concurrency, contender));
        }
        window++;
      }
    }
    return measured;
  }

  /**
   * For a JVM contender, more warm-up in slices of {@value #SETTLE_SLICE_SECONDS} s while its JIT compiler threads
   * used at least {@value #JIT_SETTLED_SHARE} of its CPU in the last slice, for at most another {@link
   * BenchmarkOptions#warmup()}: on a slow machine the request or time budget can end while C2 still compiles, and the
   * first rounds then measure the compiler (round 9 of docs/performance.md saw 566 us of JIT per request at c=1).
   */
  private void settle(Contender contender, int concurrency) {
    Map<String, Long> before = contender.cpuByRoleNow();
    if (before.isEmpty()) {
      return;
    }
    Duration slice = Duration.ofSeconds(SETTLE_SLICE_SECONDS);
    Duration spent = Duration.ZERO;
    double jitShare = 1;
    while (jitShare >= JIT_SETTLED_SHARE && spent.plus(slice).compareTo(bench.options().warmup()) <= 0) {
      bench.load(bench.loadOptions("settle " + contender.name(), List.of(contender.target()), concurrency, slice)
        .setProgress(false));
      Map<String, Long> after = contender.cpuByRoleNow();
      Map<String, Long> used = ThreadCpu.delta(before, after);
      long total = used.values().stream().mapToLong(Long::longValue).sum();
      jitShare = total <= 0 ? 0 : (double) used.getOrDefault("jit", 0L) / total;
      spent = spent.plus(slice);
      before = after;
    }
    if (!spent.isZero()) {
      bench.log(String.format("  warm-up %s: %d s more; its JIT used %.0f%% of its CPU in the last %d s%s",
        contender.name(), spent.toSeconds(), jitShare * 100, SETTLE_SLICE_SECONDS,
        jitShare >= JIT_SETTLED_SHARE ? ", still compiling when --warmup ran out" : ""));
    }
  }

  private Measured measure(int round, int concurrency, Contender contender) {
    LoadOptions load = bench.loadOptions(String.format("r%d c=%d %s", round, concurrency, contender.name()),
      List.of(contender.target()), concurrency, bench.options().window());
    long cpuBefore = contender.cpuNow();
    Map<String, Long> rolesBefore = contender.cpuByRoleNow();
    LoadResult result = bench.load(load);
    long cpuAfter = contender.cpuNow();
    Map<String, Long> roles = ThreadCpu.delta(rolesBefore, contender.cpuByRoleNow());
    Measured m = new Measured(round, concurrency, contender.name(), result,
      cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore, roles);
    bench.log("  " + result.brief() + (m.cpuNanos() >= 0
      ? String.format("  cpu %.1f us/req%s", m.cpuMicrosPerRequest(), m.rolesBrief()) : ""));
    return m;
  }
}
