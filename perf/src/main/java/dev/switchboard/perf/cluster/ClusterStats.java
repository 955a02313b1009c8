package dev.switchboard.perf.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What the driver counts, and the verdict. All methods run on the driver's one context, so nothing is locked.
 *
 * <p>The verdict: no session may be lost, every session must start, and no more calls may fail than were in flight on
 * the killed instance. A process killed with SIGKILL keeps its sockets until the kernel has torn it down, so requests
 * still reach it for a moment after the signal and die with it: "in flight on the killed instance" means started
 * before the instance stopped accepting connections ({@link #deadNow()}) and answered by it. Which instance answered
 * is read from the load balancer's upstream header (nginx names the upstream it tried, on a 502 too); a failed call
 * without that header is counted as on the killed instance.
 */
final class ClusterStats {

  /** One request in flight. */
  static final class Call {
    private final long startNanos = System.nanoTime();
  }

  /** A call that ended after the kill, answered by the killed instance: when it started. */
  private record Candidate(long startNanos) {
  }

  private final String killUpstream;
  private final LatencySample latency = new LatencySample();
  private final Set<Call> inFlight = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<String, Long> failureReasons = new TreeMap<>();
  private final Map<String, Long> callsByUpstream = new TreeMap<>();
  private final List<String> lostSessions = new ArrayList<>();
  private final List<Candidate> candidates = new ArrayList<>();
  private int inFlightAtKill;
  private long deadNanos = Long.MAX_VALUE;
  private int started;
  private int failedToStart;
  private long calls;
  private long failures;
  private boolean killed;
  private long killNanos;

  ClusterStats(String killUpstream) {
    this.killUpstream = killUpstream;
  }

  Call start() {
    Call call = new Call();
    inFlight.add(call);
    return call;
  }

  void succeeded(Call call, String upstream) {
    end(call, upstream, false);
    latency.add(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - call.startNanos));
  }

  void failed(Call call, String upstream, String reason) {
    end(call, upstream, true);
    failures++;
    failureReasons.merge(reason, 1L, Long::sum);
  }

  void sessionStarted() {
    started++;
  }

  void sessionFailedToStart(String reason) {
    failedToStart++;
    failureReasons.merge("initialize: " + reason, 1L, Long::sum);
  }

  void sessionLost(int session, String reason) {
    lostSessions.add("#" + session + " (" + reason + ")");
  }

  /** The kill signal is sent now. */
  void killedNow() {
    killed = true;
    killNanos = System.nanoTime();
    inFlightAtKill = inFlight.size();
  }

  /** The killed instance refuses connections from now on. */
  void deadNow() {
    deadNanos = System.nanoTime();
  }

  long calls() {
    return calls;
  }

  long failures() {
    return failures;
  }

  int lost() {
    return lostSessions.size();
  }

  /** The calls the verdict forgives: those in flight on the killed instance until it stopped accepting. */
  int allowedFailures() {
    return (int) candidates.stream().filter(c -> c.startNanos() < deadNanos).count();
  }

  boolean passed(int sessions) {
    return lostSessions.isEmpty() && failedToStart == 0 && started == sessions && calls > 0
      && failures <= allowedFailures();
  }

  /** The report: one summary line first, then details. */
  List<String> report(int sessions, long elapsedMillis) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format("cluster-test: sessions=%d started=%d lost=%d calls=%d failures=%d allowed=%d "
        + "(in flight at the kill signal: %d, on the killed instance until it died: %d) calls/s=%.0f p50=%.1fms "
        + "p99=%.1fms max=%.1fms -> %s",
      sessions, started, lostSessions.size(), calls, failures, allowedFailures(), inFlightAtKill, allowedFailures(),
      calls * 1000.0 / Math.max(1, elapsedMillis), latency.millisAt(50), latency.millisAt(99), latency.millisAt(100),
      passed(sessions) ? "PASS" : "FAIL"));
    lines.add("  killed: " + (killed ? "yes" : "no") + (killUpstream == null ? "" : " (" + killUpstream + ")")
      + (deadNanos == Long.MAX_VALUE ? "" : ", refusing connections "
      + TimeUnit.NANOSECONDS.toMillis(deadNanos - killNanos) + " ms after the signal"));
    lines.add("  calls by instance: " + callsByUpstream);
    failureReasons.forEach((reason, count) -> lines.add("  failed: " + count + " x " + reason));
    lostSessions.forEach(lost -> lines.add("  lost session " + lost));
    return lines;
  }

  private void end(Call call, String upstream, boolean failed) {
    inFlight.remove(call);
    calls++;
    callsByUpstream.merge(upstream == null ? "(none)" : upstream, 1L, Long::sum);
    if (killed && onKilledInstance(upstream, failed)) {
      candidates.add(new Candidate(call.startNanos));
    }
  }

  private boolean onKilledInstance(String upstream, boolean failed) {
    if (upstream == null) {
      return failed;
    }
    return killUpstream != null && upstream.contains(killUpstream);
  }
}
