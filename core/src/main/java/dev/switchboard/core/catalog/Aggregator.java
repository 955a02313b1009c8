package dev.switchboard.core.catalog;

import java.util.List;

/** Merges backend catalogs into one view according to {@link AggregationOptions}. */
public interface Aggregator {

  /**
   * @param catalogs the catalogs in configuration order of their backends
   * @throws AggregationException when exposed names are not unique once the strategy and the overrides applied:
   *                              {@link ConflictResolution#MANUAL} finds shared names without an override, or an
   *                              override name equals another exposed name
   */
  CapabilityView aggregate(List<BackendCatalog> catalogs);
}
