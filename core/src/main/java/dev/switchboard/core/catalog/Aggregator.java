package dev.switchboard.core.catalog;

import java.util.List;

/** Merges backend catalogs into one view according to {@link AggregationOptions}. */
public interface Aggregator {

  /**
   * @param catalogs the catalogs in configuration order of their backends
   * @throws AggregationException when {@link ConflictResolution#MANUAL} finds names without an override
   */
  CapabilityView aggregate(List<BackendCatalog> catalogs);
}
