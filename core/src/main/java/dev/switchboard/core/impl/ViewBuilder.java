package dev.switchboard.core.impl;

import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.core.catalog.Aggregator;
import dev.switchboard.core.catalog.Aggregators;
import dev.switchboard.core.catalog.BackendCatalog;
import dev.switchboard.core.catalog.CapabilityView;
import dev.switchboard.core.catalog.NameCollisions;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds interned views. Start-up has already proven that the configured strategy works on the catalogs seen then;
 * if a backend later lists a name that collides with another (a name the strategy cannot make unique), the session
 * still gets a view with the configured scheme: the name stays where clients saw it, the newcomer is left out, and
 * the collision is logged and reported on {@code /health/ready} ({@link NameCollisions}).
 */
final class ViewBuilder {
  private final Aggregator aggregator;
  private final NameCollisions collisions;
  private final ViewCache cache = new ViewCache();

  ViewBuilder(AggregationOptions options) {
    this(options, new NameCollisions());
  }

  ViewBuilder(AggregationOptions options, NameCollisions collisions) {
    this.aggregator = Aggregators.create(options);
    this.collisions = collisions;
  }

  /** Aggregates with the configured strategy; fails on a conflict it cannot resolve (used at start-up). */
  CapabilityView buildStrict(List<BackendCatalog> catalogs) {
    return cache.intern(aggregator.aggregate(catalogs));
  }

  /** A view this process already holds, or null. */
  CapabilityView cached(String fingerprint) {
    return cache.get(fingerprint);
  }

  /** Aggregates at run time: names keep the configured scheme, colliding newcomers are left out. */
  CapabilityView build(List<BackendCatalog> catalogs) {
    List<String> found = new ArrayList<>();
    CapabilityView view = aggregator.aggregateKeepingNames(catalogs, found);
    collisions.update(found);
    return cache.intern(view);
  }
}
