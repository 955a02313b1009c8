package dev.switchboard.perf.cluster;

import java.util.Arrays;

/** Latencies of successful calls in microseconds, up to a fixed number (later ones are not kept). */
final class LatencySample {
  static final int CAPACITY = 1 << 20;

  private long[] values = new long[1024];
  private int size;

  void add(long micros) {
    if (size == values.length) {
      if (size == CAPACITY) {
        return;
      }
      values = Arrays.copyOf(values, Math.min(CAPACITY, size * 2));
    }
    values[size++] = micros;
  }

  /** The value at {@code percentile} (0-100) in milliseconds, 0 when empty. */
  double millisAt(double percentile) {
    if (size == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    int index = (int) Math.ceil(percentile / 100.0 * size) - 1;
    return sorted[Math.max(0, Math.min(size - 1, index))] / 1000.0;
  }
}
