package dev.switchboard.perf.load;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import io.vertx.core.json.JsonArray;

/**
 * Failures by kind, with the first few messages of each kind kept as samples. Not thread-safe: one per lane, merged
 * when the lanes are done.
 */
public final class ErrorCounts {
  private static final int MAX_SAMPLES = 3;
  private final long[] counts = new long[ErrorKind.values().length];
  private final Map<ErrorKind, List<String>> samples = new EnumMap<>(ErrorKind.class);

  public void add(ErrorKind kind, String message) {
    counts[kind.ordinal()]++;
    List<String> kept = samples.computeIfAbsent(kind, k -> new ArrayList<>(MAX_SAMPLES));
    String sample = message == null || message.length() <= 200 ? message : message.substring(0, 200) + "...";
    if (kept.size() < MAX_SAMPLES && sample != null && !kept.contains(sample)) {
      kept.add(sample);
    }
  }

  public void add(Throwable err) {
    add(LoadFailure.classify(err), err.getClass().getSimpleName() + ": " + err.getMessage());
  }

  public long count(ErrorKind kind) {
    return counts[kind.ordinal()];
  }

  public long total() {
    long sum = 0;
    for (long c : counts) {
      sum += c;
    }
    return sum;
  }

  public void merge(ErrorCounts other) {
    for (ErrorKind kind : ErrorKind.values()) {
      counts[kind.ordinal()] += other.counts[kind.ordinal()];
      for (String sample : other.samples.getOrDefault(kind, List.of())) {
        List<String> kept = samples.computeIfAbsent(kind, k -> new ArrayList<>(MAX_SAMPLES));
        if (kept.size() < MAX_SAMPLES && !kept.contains(sample)) {
          kept.add(sample);
        }
      }
    }
  }

  /** {@code {"total": n, "HTTP_STATUS": n, ..., "samples": {...}}} with only the kinds that occurred. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("total", total());
    JsonObject sampleJson = new JsonObject();
    for (ErrorKind kind : ErrorKind.values()) {
      if (counts[kind.ordinal()] > 0) {
        json.put(kind.name(), counts[kind.ordinal()]);
        sampleJson.put(kind.name(), new JsonArray(List.copyOf(samples.getOrDefault(kind, List.of()))));
      }
    }
    if (!sampleJson.isEmpty()) {
      json.put("samples", sampleJson);
    }
    return json;
  }

  /** {@code "none"} or {@code "TIMEOUT=3 IO=1"}. */
  public String brief() {
    StringBuilder sb = new StringBuilder();
    for (ErrorKind kind : ErrorKind.values()) {
      if (counts[kind.ordinal()] > 0) {
        sb.append(sb.isEmpty() ? "" : " ").append(kind.name()).append('=').append(counts[kind.ordinal()]);
      }
    }
    return sb.isEmpty() ? "none" : sb.toString();
  }
}
