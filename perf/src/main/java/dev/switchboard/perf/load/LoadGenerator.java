package dev.switchboard.perf.load;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Runs one load: deploys the lanes, opens the sessions (not timed), runs the measured window, merges the lanes'
 * histograms and error counts, deletes the sessions and undeploys the lanes. Call it from any thread; the work runs
 * on the lanes' event loops.
 */
public final class LoadGenerator {
  private LoadGenerator() {
  }

  public static Future<LoadResult> run(Vertx vertx, LoadOptions options) {
    LoadOptions opts = new LoadOptions(options);
    int laneCount = Math.min(opts.getLanes(), opts.getConcurrency());
    opts.setLanes(laneCount);
    Progress progress = new Progress();
    List<Lane> lanes = new ArrayList<>(laneCount);
    for (int i = 0; i < laneCount; i++) {
      int users = opts.getConcurrency() / laneCount + (i < opts.getConcurrency() % laneCount ? 1 : 0);
      lanes.add(new Lane(opts, users, progress));
    }
    List<String> deployments = new ArrayList<>();
    return Future.all(lanes.stream().map(lane -> vertx.deployVerticle(lane,
          new DeploymentOptions().setThreadingModel(ThreadingModel.EVENT_LOOP))
        .onSuccess(deployments::add)).toList())
      .compose(v -> Future.all(lanes.stream().map(Lane::open).toList()))
      .compose(v -> measure(opts, lanes, progress))
      .compose(result -> Future.join(lanes.stream().map(Lane::closeSessions).toList()).map(result))
      .eventually(() -> Future.join(deployments.stream().map(vertx::undeploy).toList()));
  }

  private static Future<LoadResult> measure(LoadOptions opts, List<Lane> lanes, Progress progress) {
    long start = System.nanoTime();
    long durationNanos = opts.getDuration().toNanos();
    long deadline = start + durationNanos;
    AutoCloseable bar = ProgressBar.start(opts.getLabel(), progress, start, durationNanos, opts.isProgress());
    List<Future<Void>> runs = new ArrayList<>(lanes.size());
    for (int i = 0; i < lanes.size(); i++) {
      long budget = opts.getMaxRequests() / lanes.size() + (i < opts.getMaxRequests() % lanes.size() ? 1 : 0);
      runs.add(lanes.get(i).run(start, deadline, budget));
    }
    return Future.join(runs).eventually(() -> {
      closeQuietly(bar);
      return Future.succeededFuture();
    }).map(v -> merge(opts, lanes, start));
  }

  private static LoadResult merge(LoadOptions opts, List<Lane> lanes, long start) {
    Histogram histogram = new Histogram(Lane.HIGHEST_NANOS, 3);
    ErrorCounts errors = new ErrorCounts();
    long requests = 0;
    long end = start;
    for (Lane lane : lanes) {
      histogram.add(lane.histogram());
      errors.merge(lane.errors());
      requests += lane.completed();
      end = Math.max(end, lane.finishedNanos());
    }
    return new LoadResult(opts.getLabel(), opts, histogram, requests, errors, end - start);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // a progress bar that cannot close has nothing left to print
    }
  }
}
