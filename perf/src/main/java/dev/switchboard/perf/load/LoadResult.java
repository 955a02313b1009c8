package dev.switchboard.perf.load;

import io.vertx.core.json.JsonObject;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import io.vertx.core.json.JsonArray;

/**
 * The outcome of one load run: successful requests and their latency histogram (nanoseconds), failures by kind, and
 * the measured window.
 *
 * @param label         what ran
 * @param options       how it ran
 * @param histogram     latency of successful requests (closed loop: from send; open loop: from the intended start)
 * @param requests      successful requests (churn: whole cycles)
 * @param errors        failures, including sessions that could not be opened
 * @param elapsedNanos  from the start of the measured window to the last answer
 */
public record LoadResult(String label, LoadOptions options, Histogram histogram, long requests, ErrorCounts errors,
                         long elapsedNanos) {

  /** Successful requests per second over the window. */
  public double throughput() {
    return elapsedNanos <= 0 ? 0 : requests * 1e9 / elapsedNanos;
  }

  /** The latency at {@code percentile} (0-100) in milliseconds; 0 without samples. */
  public double percentileMillis(double percentile) {
    return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1e6;
  }

  public double meanMillis() {
    return histogram.getTotalCount() == 0 ? 0 : histogram.getMean() / 1e6;
  }

  public double maxMillis() {
    return histogram.getTotalCount() == 0 ? 0 : histogram.getMaxValue() / 1e6;
  }

  /** Summary figures for summary.json (latencies in milliseconds). */
  public JsonObject toJson() {
    return new JsonObject()
      .put("label", label)
      .put("targets", options.getTargets().stream().map(Target::name).toList())
      .put("mode", options.isChurn() ? "churn" : options.isOpenLoop() ? "open" : "closed")
      .put("concurrency", options.getConcurrency())
      .put("rate", options.getRate())
      .put("listRatio", options.getListRatio())
      .put("payloadSize", options.getPayloadSize())
      .put("requests", requests)
      .put("seconds", round(elapsedNanos / 1e9, 3))
      .put("throughput", round(throughput(), 1))
      .put("latencyMs", new JsonObject()
        .put("mean", round(meanMillis(), 4))
        .put("p50", round(percentileMillis(50), 4))
        .put("p90", round(percentileMillis(90), 4))
        .put("p99", round(percentileMillis(99), 4))
        .put("p99.9", round(percentileMillis(99.9), 4))
        .put("max", round(maxMillis(), 4)))
      .put("errors", errors.toJson())
      .put("percentiles", percentiles(histogram));
  }

  /** Percentiles reported and charted. */
  public static final double[] PERCENTILES = {10, 25, 50, 75, 90, 95, 99, 99.5, 99.9, 99.99};

  /** {@code [[percentile, ms], ...]} of {@link #PERCENTILES} plus {@code [100, max]}; empty without samples. */
  public static JsonArray percentiles(Histogram histogram) {
    JsonArray out = new JsonArray();
    if (histogram.getTotalCount() == 0) {
      return out;
    }
    for (double p : PERCENTILES) {
      out.add(new JsonArray().add(p).add(round(histogram.getValueAtPercentile(p) / 1e6, 4)));
    }
    out.add(new JsonArray().add(100.0).add(round(histogram.getMaxValue() / 1e6, 4)));
    return out;
  }

  /** One console line. */
  public String brief() {
    return String.format(Locale.ROOT, "%-34s %9.0f req/s  p50 %7.3f ms  p99 %8.3f ms  max %8.2f ms  errors %s",
      label, throughput(), percentileMillis(50), percentileMillis(99), maxMillis(), errors.brief());
  }

  static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }
}
