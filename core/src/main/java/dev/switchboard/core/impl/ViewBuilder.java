package dev.switchboard.core.impl;

import dev.switchboard.core.catalog.AggregationException;
import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.core.catalog.Aggregator;
import dev.switchboard.core.catalog.Aggregators;
import dev.switchboard.core.catalog.BackendCatalog;
import dev.switchboard.core.catalog.CapabilityView;
import dev.switchboard.core.catalog.ConflictResolution;
import java.util.List;

/**
 * Builds interned views. Start-up has already proven that the configured strategy works on the catalogs seen then;
 * if a backend later lists a name that breaks manual resolution, the session still gets a view, resolved by priority,
 * and the conflict is logged.
 */
final class ViewBuilder {
  private static final System.Logger LOG = System.getLogger(ViewBuilder.class.getName());

  private volatile Aggregator aggregator;
  private volatile Aggregator fallback;
  private final ViewCache cache = new ViewCache();

  ViewBuilder(AggregationOptions options) {
    reconfigure(options);
  }

  /** Applies new aggregation options to the views built from now on. */
  void reconfigure(AggregationOptions options) {
    this.fallback = Aggregators.create(new AggregationOptions(ConflictResolution.PRIORITY, options.prefixFormat(),
      options.priorityOrder(), options.tools(), options.prompts(), options.resources(), options.pageSize()));
    this.aggregator = Aggregators.create(options);
  }

  /** Aggregates with the configured strategy; fails on a conflict it cannot resolve (used at start-up). */
  CapabilityView buildStrict(List<BackendCatalog> catalogs) {
    return cache.intern(aggregator.aggregate(catalogs));
  }

  /** A view this process already holds, or null. */
  CapabilityView cached(String fingerprint) {
    return cache.get(fingerprint);
  }

  CapabilityView build(List<BackendCatalog> catalogs) {
    try {
      return buildStrict(catalogs);
    } catch (AggregationException e) {
      LOG.log(System.Logger.Level.WARNING, "unresolved name conflicts {0}; resolved by priority for this session",
        e.conflicts());
      return cache.intern(fallback.aggregate(catalogs));
    }
  }
}
