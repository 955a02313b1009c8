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

  /**
   * Aggregates at run time, when names clients already see must keep their scheme: a name the strategy cannot make
   * unique stays with the backend item that exposed it before (else with the best-ranked backend), the other
   * owners of that name are left out, and each such collision is described in {@code collisions}.
   *
   * @param catalogs   the catalogs in configuration order of their backends
   * @param collisions receives one description per name collision, e.g. {@code tool 'a_b_c' (a:b_c, a_b:c)}
   */
  default CapabilityView aggregateKeepingNames(List<BackendCatalog> catalogs, List<String> collisions) {
    return aggregate(catalogs);
  }
}
