package dev.switchboard.core.catalog;

import dev.switchboard.core.catalog.impl.DefaultAggregator;

/** Creates {@link Aggregator}s, so that callers depend on the API package only. */
public final class Aggregators {

  private Aggregators() {
  }

  /**
   * An aggregator for the given options. Aggregators are thread-safe (their only state is who exposed each name
   * last, see {@link Aggregator#aggregateKeepingNames}): create one per configuration
   * and share it.
   *
   * @param options how catalogs are merged; null means {@link AggregationOptions#defaults()}
   */
  public static Aggregator create(AggregationOptions options) {
    return new DefaultAggregator(options == null ? AggregationOptions.defaults() : options);
  }
}
