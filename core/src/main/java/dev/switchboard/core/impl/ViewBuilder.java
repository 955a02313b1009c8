package dev.switchboard.core.impl;

import dev.switchboard.core.catalog.AggregationException;
import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.core.catalog.Aggregator;
import dev.switchboard.core.catalog.Aggregators;
import dev.switchboard.core.catalog.BackendCatalog;
import dev.switchboard.core.catalog.CapabilityView;
import dev.switchboard.core.catalog.ConflictResolution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

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
  /** The catalogs each view was built from (bounded like the view cache), to rebuild it without some backends. */
  private final Map<String, List<BackendCatalog>> sources = new ConcurrentHashMap<>();
  /** Views without the backends that are down, by source fingerprint and the backends left out. */
  private final Map<String, CapabilityView> reduced = new ConcurrentHashMap<>();

  ViewBuilder(AggregationOptions options) {
    reconfigure(options);
  }

  /** Applies new aggregation options to the views built from now on. */
  void reconfigure(AggregationOptions options) {
    this.fallback = Aggregators.create(new AggregationOptions(ConflictResolution.PRIORITY, options.prefixFormat(),
      options.priorityOrder(), options.tools(), options.prompts(), options.resources(), options.pageSize()));
    this.aggregator = Aggregators.create(options);
    sources.clear();
    reduced.clear();
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
    CapabilityView view;
    try {
      view = buildStrict(catalogs);
    } catch (AggregationException e) {
      LOG.log(System.Logger.Level.WARNING, "unresolved name conflicts {0}; resolved by priority for this session",
        e.conflicts());
      view = cache.intern(fallback.aggregate(catalogs));
    }
    if (sources.size() >= ViewCache.MAX_VIEWS) {
      sources.clear();
      reduced.clear();
    }
    sources.putIfAbsent(view.fingerprint(), List.copyOf(catalogs));
    return view;
  }

  /**
   * {@code view} without the items of the backends {@code up} rejects (a backend that went down, seen by a session
   * that cannot be notified); the view itself when all its backends are up or its catalogs are no longer known.
   */
  CapabilityView visible(CapabilityView view, Predicate<String> up) {
    List<String> down = null;
    for (String backend : view.backends()) {
      if (!up.test(backend)) {
        if (down == null) {
          down = new ArrayList<>();
        }
        down.add(backend);
      }
    }
    if (down == null) {
      return view;
    }
    List<BackendCatalog> catalogs = sources.get(view.fingerprint());
    if (catalogs == null) {
      return view;
    }
    String key = view.fingerprint() + down;
    CapabilityView known = reduced.get(key);
    if (known != null) {
      return known;
    }
    List<String> left = down;
    CapabilityView built = build(catalogs.stream().filter(c -> !left.contains(c.backend())).toList());
    CapabilityView raced = reduced.putIfAbsent(key, built);
    return raced != null ? raced : built;
  }
}
