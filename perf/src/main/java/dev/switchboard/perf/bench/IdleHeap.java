package dev.switchboard.perf.bench;

import dev.switchboard.perf.load.SessionFiller;
import dev.switchboard.perf.load.Target;
import dev.switchboard.perf.proc.GatewayProcess;
import dev.switchboard.perf.proc.JvmProbe;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Heap per idle session: live heap of the gateway JVM after a full GC (from {@code jcmd GC.class_histogram}, and
 * {@code GC.heap_info} for comparison) before and after opening N sessions that then stay idle; the difference over N.
 * The classes that grew most are kept as evidence of what a session costs.
 */
final class IdleHeap {
  private static final int PARALLELISM = 32;
  private static final int TOP_CLASSES = 15;
  /** Sessions opened before the baseline, so one-time costs (classes, caches, the shared view) are not counted. */
  private static final int WARM_UP_SESSIONS = 50;

  private IdleHeap() {
  }

  static JsonObject measure(Bench bench, GatewayProcess gateway, int sessions) {
    JvmProbe probe = gateway.probe();
    Await.result(SessionFiller.fill(bench.vertx(), Target.of("gateway", gateway.url()), WARM_UP_SESSIONS,
      PARALLELISM, Duration.ofMinutes(1)), Duration.ofMinutes(2));
    JvmProbe.Histogram before = probe.classHistogram();
    long heapBefore = probe.heapUsedAfterGc();
    SessionFiller.Filled filled = Await.result(SessionFiller.fill(bench.vertx(), Target.of("gateway", gateway.url()),
      sessions, PARALLELISM, Duration.ofMinutes(10)), Duration.ofMinutes(11));
    JvmProbe.Histogram after = probe.classHistogram();
    long heapAfter = probe.heapUsedAfterGc();
    int opened = Math.max(1, filled.opened());
    double liveBytesPerSession = (after.bytes() - before.bytes()) / (double) opened;
    double heapBytesPerSession = (heapAfter - heapBefore) / (double) opened;
    bench.log(String.format("  %d idle sessions opened in %.1f s (errors: %s): live heap +%.0f B/session "
        + "(class histogram), +%.0f B/session (heap used after GC)", filled.opened(), filled.elapsedNanos() / 1e9,
      filled.errors().brief(), liveBytesPerSession, heapBytesPerSession));
    return new JsonObject()
      .put("sessions", filled.opened())
      .put("requested", sessions)
      .put("openSeconds", Stats.round(filled.elapsedNanos() / 1e9, 2))
      .put("liveBytesBefore", before.bytes())
      .put("liveBytesAfter", after.bytes())
      .put("heapUsedBefore", heapBefore)
      .put("heapUsedAfter", heapAfter)
      .put("bytesPerSession", Stats.round(liveBytesPerSession, 0))
      .put("heapUsedBytesPerSession", Stats.round(heapBytesPerSession, 0))
      .put("kibPerSession", Stats.round(liveBytesPerSession / 1024, 2))
      .put("errors", filled.errors().toJson())
      .put("topClasses", growth(before, after, opened));
  }

  /** The classes whose live bytes grew most, per session. */
  private static JsonArray growth(JvmProbe.Histogram before, JvmProbe.Histogram after, int sessions) {
    Map<String, JvmProbe.ClassUsage> old = new HashMap<>();
    before.classes().forEach(c -> old.put(c.className(), c));
    List<JvmProbe.ClassUsage> grown = after.classes().stream().map(c -> {
      JvmProbe.ClassUsage was = old.getOrDefault(c.className(), new JvmProbe.ClassUsage(c.className(), 0, 0));
      return new JvmProbe.ClassUsage(c.className(), c.instances() - was.instances(), c.bytes() - was.bytes());
    }).sorted((a, b) -> Long.compare(b.bytes(), a.bytes())).limit(TOP_CLASSES).toList();
    JsonArray out = new JsonArray();
    for (JvmProbe.ClassUsage c : grown) {
      out.add(new JsonObject().put("class", c.className())
        .put("instancesPerSession", Stats.round(c.instances() / (double) sessions, 2))
        .put("bytesPerSession", Stats.round(c.bytes() / (double) sessions, 1)));
    }
    return out;
  }
}
