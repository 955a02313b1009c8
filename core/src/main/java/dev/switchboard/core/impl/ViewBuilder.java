package dev.switchboard.core.impl;

import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.core.catalog.Aggregator;
import dev.switchboard.core.catalog.Aggregators;
import dev.switchboard.core.catalog.BackendCatalog;
import dev.switchboard.core.catalog.CapabilityView;
import dev.switchboard.core.catalog.NameCollisions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Builds interned views. Start-up has already proven that the configured strategy works on the catalogs seen then;
 * if a backend later lists a name that collides with another (a name the strategy cannot make unique), the session
 * still gets a view with the configured scheme: the name stays where clients saw it, the newcomer is left out, and
 * the collision is logged and reported on {@code /health/ready} ({@link NameCollisions}).
 */
final class ViewBuilder {
  /** Bound on {@link #recent}: few, since cached catalogs make few distinct combinations. */
  static final int MAX_RECENT = 64;
  private volatile Aggregator aggregator;
  private AggregationOptions options;
  private final NameCollisions collisions;
  private final ViewCache cache = new ViewCache();
  /** The catalogs each view was built from (bounded like the view cache), to rebuild it without some backends. */
  private final Map<String, List<BackendCatalog>> sources = new ConcurrentHashMap<>();
  /** Views without the backends that are down, by source fingerprint and the backends left out. */
  private final Map<String, CapabilityView> reduced = new ConcurrentHashMap<>();
  /**
   * The last views built, by the aggregator and the identity of the catalogs they were built from: sessions whose
   * catalogs come from the {@link CatalogCache} share the same instances, and skip aggregating and fingerprinting.
   */
  private final Map<Sources, Built> recent = new ConcurrentHashMap<>();

  ViewBuilder(AggregationOptions options) {
    this(options, new NameCollisions());
  }

  ViewBuilder(AggregationOptions options, NameCollisions collisions) {
    this.options = options;
    this.aggregator = Aggregators.create(options);
    this.collisions = collisions;
  }

  /**
   * Applies new aggregation options to the views built from now on; unchanged options keep what is known of the
   * views built so far (what {@link #visible} needs).
   */
  synchronized void reconfigure(AggregationOptions next) {
    if (next.equals(options)) {
      return;
    }
    this.options = next;
    this.aggregator = Aggregators.create(next);
    sources.clear();
    reduced.clear();
    recent.clear();
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
    Sources key = new Sources(aggregator, List.copyOf(catalogs));
    Built built = recent.get(key);
    if (built == null) {
      List<String> found = new ArrayList<>();
      built = new Built(key.aggregator().aggregateKeepingNames(key.catalogs(), found), List.copyOf(found));
      if (recent.size() >= MAX_RECENT) {
        recent.clear();
      }
      recent.put(key, built);
    }
    CapabilityView view = cache.intern(built.view());
    collisions.update(built.collisions());
    if (sources.size() >= ViewCache.MAX_VIEWS) {
      sources.clear();
      reduced.clear();
    }
    sources.putIfAbsent(view.fingerprint(), key.catalogs());
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
    CapabilityView built = cache.intern(aggregator.aggregateKeepingNames(
      catalogs.stream().filter(c -> !left.contains(c.backend())).toList(), new ArrayList<>()));
    CapabilityView raced = reduced.putIfAbsent(key, built);
    return raced != null ? raced : built;
  }

  /** A view built, with the names that collided while building it. */
  private record Built(CapabilityView view, List<String> collisions) {
  }

  /** An aggregator and catalogs, equal only to the same aggregator and the same catalog instances in order. */
  private record Sources(Aggregator aggregator, List<BackendCatalog> catalogs) {
    @Override
    public boolean equals(Object other) {
      if (!(other instanceof Sources that) || that.aggregator != aggregator
          || that.catalogs.size() != catalogs.size()) {
        return false;
      }
      for (int i = 0; i < catalogs.size(); i++) {
        if (that.catalogs.get(i) != catalogs.get(i)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      int hash = System.identityHashCode(aggregator);
      for (BackendCatalog catalog : catalogs) {
        hash = 31 * hash + System.identityHashCode(catalog);
      }
      return hash;
    }
  }
}
