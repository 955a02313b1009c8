package dev.switchboard.perf.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Small statistics over repeated measurements. */
final class Stats {
  private Stats() {
  }

  /** The median, or NaN for an empty list. */
  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.removeIf(v -> v == null || v.isNaN());
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  static double round(double value, int digits) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return value;
    }
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }
}
