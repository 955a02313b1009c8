package dev.switchboard.core.catalog;

import java.util.List;

/** Aggregation cannot produce unique names; the message lists the conflicting names and their backends. */
public class AggregationException extends RuntimeException {
  private final List<String> conflicts;

  public AggregationException(String message, List<String> conflicts) {
    super(message);
    this.conflicts = List.copyOf(conflicts);
  }

  /** Human-readable conflict descriptions, e.g. {@code tool 'echo' (alpha, beta)}. */
  public List<String> conflicts() {
    return conflicts;
  }
}
