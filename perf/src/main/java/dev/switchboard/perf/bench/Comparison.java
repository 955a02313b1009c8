package dev.switchboard.perf.bench;

import dev.switchboard.perf.load.LoadOptions;
import dev.switchboard.perf.load.LoadResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The standard comparison: tools/call (small payload, closed loop) against every contender, interleaved: for each
 * round and concurrency the contenders run one after the other, in an order that rotates from one window to the
 * next, so that drift (other builds on the machine, JIT, GC) spreads over all of them. A warm-up per contender
 * comes first and is not reported: {@link BenchmarkOptions#warmupRequests()} requests or {@link
 * BenchmarkOptions#warmup()}, whichever ends first (a fresh gateway JVM needs on the order of 10^5 calls before
 * its JIT settles on a loaded 2-core machine).
 */
final class Comparison {
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
      bench.settle(contender.target(), contender.jvmPid(), warmupConcurrency, false);
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

  private Measured measure(int round, int concurrency, Contender contender) {
    LoadOptions load = bench.loadOptions(String.format("r%d c=%d %s", round, concurrency, contender.name()),
      List.of(contender.target()), concurrency, bench.options().window());
    Measured m = contender.measure(round, concurrency, () -> bench.load(load));
    bench.log("  " + m.result().brief() + (m.cpuNanos() >= 0
      ? String.format("  cpu %.1f us/req, kernel %.1f%s", m.cpuMicrosPerRequest(), m.systemMicrosPerRequest(),
      m.rolesBrief()) : ""));
    return m;
  }
}
