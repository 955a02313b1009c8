package dev.switchboard.perf.load;

import io.vertx.core.Promise;

/**
 * A fixed request rate on one lane: every millisecond the requests that are due are sent, each with its intended
 * start time ({@code start + i / rate}); latency runs from that intended time, so a slow server's queueing shows in
 * the histogram instead of silently lowering the rate (no coordinated omission). At most
 * {@link LoadOptions#getMaxInFlight()} requests are in flight; a request due beyond that is counted as
 * {@link ErrorKind#BACKLOG}.
 */
final class OpenLoop {
  private static final long TICK_MILLIS = 1;

  private final Lane lane;
  private final long startNanos;
  private final long deadlineNanos;
  private final long budget;
  private final Promise<Void> done;
  private final double nanosPerRequest;
  private final int maxInFlight;
  private long sent;
  private int inFlight;
  private long timer = -1;
  private boolean stopped;

  OpenLoop(Lane lane, long startNanos, long deadlineNanos, long budget, Promise<Void> done) {
    this.lane = lane;
    this.startNanos = startNanos;
    this.deadlineNanos = deadlineNanos;
    this.budget = budget;
    this.done = done;
    int lanes = lane.options().getLanes();
    this.nanosPerRequest = 1e9 * lanes / lane.options().getRate();
    this.maxInFlight = Math.max(1, lane.options().getMaxInFlight() / lanes);
  }

  void start() {
    if (lane.sessions().isEmpty() && !lane.options().isChurn()) {
      done.complete();
      return;
    }
    timer = lane.vertx().setPeriodic(TICK_MILLIS, id -> tick());
  }

  private void tick() {
    long now = System.nanoTime();
    while (!stopped) {
      long intended = startNanos + (long) (sent * nanosPerRequest);
      if (intended >= deadlineNanos || sent >= budget) {
        stopped = true;
        lane.vertx().cancelTimer(timer);
        break;
      }
      if (intended > now) {
        break;
      }
      send(intended);
    }
    if (stopped && inFlight == 0) {
      done.tryComplete();
    }
  }

  private void send(long intendedNanos) {
    McpSession session = lane.options().isChurn() ? null
      : lane.sessions().get((int) (sent % lane.sessions().size()));
    sent++;
    if (inFlight >= maxInFlight) {
      lane.backlog();
      return;
    }
    inFlight++;
    lane.work().perform(session).onComplete(ar -> {
      inFlight--;
      if (ar.succeeded()) {
        lane.record(System.nanoTime() - intendedNanos);
      } else {
        lane.fail(ar.cause());
      }
      if (stopped && inFlight == 0) {
        done.tryComplete();
      }
    });
  }
}
