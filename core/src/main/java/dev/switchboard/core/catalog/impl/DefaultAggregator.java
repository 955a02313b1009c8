package dev.switchboard.core.catalog.impl;

import dev.switchboard.core.catalog.AggregationException;
import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.core.catalog.Aggregator;
import dev.switchboard.core.catalog.BackendCatalog;
import dev.switchboard.core.catalog.BackendFilter;
import dev.switchboard.core.catalog.CapabilityView;
import dev.switchboard.core.catalog.CatalogKind;
import io.vertx.core.json.JsonObject;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The {@link Aggregator}: per backend, filters first (tools and prompts by name, resources by {@code uri} and
 * templates by {@code uriTemplate}), then names tools and prompts with the configured strategy and overrides (see
 * {@link NameResolver}), then keeps one owner per resource URI and template (the best-ranked backend: priority order
 * first, then catalog order). Exposed items are copies of the backend JSON with only {@code name} and an overridden
 * {@code description} replaced; the input is never modified.
 *
 * <p>Thread-safe: filters are compiled once, in the constructor; the only state is who exposed each name last
 * (see {@link NameResolver}), used at run time to keep names where clients saw them. When several filters of one
 * kind name the same backend, the first one applies.
 */
public final class DefaultAggregator implements Aggregator {
  private static final System.Logger LOG = System.getLogger(DefaultAggregator.class.getName());
  /** Tool names SHOULD match this (MCP 2025-11-25, SEP-986); others are kept but logged. */
  private static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

  private final AggregationOptions options;
  private final NameResolver names;
  private final Map<String, ItemFilter> toolFilters;
  private final Map<String, ItemFilter> promptFilters;
  private final Map<String, ItemFilter> resourceFilters;

  public DefaultAggregator(AggregationOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    this.names = new NameResolver(options);
    this.toolFilters = compile(options.tools());
    this.promptFilters = compile(options.prompts());
    this.resourceFilters = compile(options.resources());
  }

  @Override
  public CapabilityView aggregate(List<BackendCatalog> catalogs) {
    List<String> conflicts = new ArrayList<>();
    CapabilityView view = aggregate(catalogs, conflicts, false);
    if (!conflicts.isEmpty()) {
      throw new AggregationException("Conflicting names (make them unique with overrides or another conflict "
        + "resolution): " + String.join("; ", conflicts), conflicts);
    }
    return view;
  }

  @Override
  public CapabilityView aggregateKeepingNames(List<BackendCatalog> catalogs, List<String> collisions) {
    return aggregate(catalogs, collisions, true);
  }

  private CapabilityView aggregate(List<BackendCatalog> catalogs, List<String> conflicts, boolean keepNames) {
    Map<String, Integer> ranks = ranks(catalogs);
    Map<CatalogKind, List<ViewEntry>> entries = new EnumMap<>(CatalogKind.class);
    entries.put(CatalogKind.TOOLS, names.resolve("tool",
      candidates(catalogs, ranks, BackendCatalog::tools, toolFilters, "name", true), conflicts, keepNames));
    entries.put(CatalogKind.PROMPTS, names.resolve("prompt",
      candidates(catalogs, ranks, BackendCatalog::prompts, promptFilters, "name", true), conflicts, keepNames));
    if (!conflicts.isEmpty() && !keepNames) {
      return null;
    }
    entries.put(CatalogKind.RESOURCES, Resources.resolve(
      candidates(catalogs, ranks, BackendCatalog::resources, resourceFilters, "uri", false)));
    entries.put(CatalogKind.RESOURCE_TEMPLATES, Resources.resolve(
      candidates(catalogs, ranks, BackendCatalog::resourceTemplates, resourceFilters, "uriTemplate", false)));
    warnAboutToolNames(entries.get(CatalogKind.TOOLS));
    return new DefaultCapabilityView(ranks.keySet(), entries, options.pageSize());
  }

  /** Backend name to rank (lower wins): listed backends by priority order, then the others in catalog order. */
  private Map<String, Integer> ranks(List<BackendCatalog> catalogs) {
    List<String> priority = options.priorityOrder();
    Map<String, Integer> ranks = new LinkedHashMap<>();
    for (int i = 0; i < catalogs.size(); i++) {
      String backend = Objects.requireNonNull(catalogs.get(i).backend(), "backend");
      int listed = priority.indexOf(backend);
      if (ranks.putIfAbsent(backend, listed >= 0 ? listed : priority.size() + i) != null) {
        throw new IllegalArgumentException("Duplicate backend catalog: " + backend);
      }
    }
    return ranks;
  }

  private static List<Candidate> candidates(List<BackendCatalog> catalogs, Map<String, Integer> ranks,
                                            Function<BackendCatalog, List<JsonObject>> items,
                                            Map<String, ItemFilter> filters, String keyField, boolean overridable) {
    List<Candidate> candidates = new ArrayList<>();
    for (BackendCatalog catalog : catalogs) {
      ItemFilter filter = filters.getOrDefault(catalog.backend(), ItemFilter.ALL);
      int rank = ranks.get(catalog.backend());
      for (JsonObject item : items.apply(catalog)) {
        if (item == null || !(item.getValue(keyField) instanceof String key)) {
          LOG.log(Level.WARNING, "Backend {0} listed an item without a string {1}; it is left out",
            catalog.backend(), keyField);
        } else if (filter.accepts(key)) {
          candidates.add(new Candidate(catalog.backend(), rank, key, item, overridable ? filter.override(key) : null));
        }
      }
    }
    return candidates;
  }

  private static void warnAboutToolNames(List<ViewEntry> tools) {
    List<String> invalid = tools.stream().map(ViewEntry::key).filter(name -> !TOOL_NAME.matcher(name).matches())
      .toList();
    if (!invalid.isEmpty()) {
      LOG.log(Level.WARNING, "Tool names should be 1-128 characters of [A-Za-z0-9_.-]; exposed anyway: {0}",
        invalid);
    }
  }

  private static Map<String, ItemFilter> compile(List<BackendFilter> filters) {
    Map<String, ItemFilter> compiled = new HashMap<>();
    for (BackendFilter filter : filters) {
      if (filter != null && filter.backend() != null) {
        compiled.putIfAbsent(filter.backend(), ItemFilter.of(filter));
      }
    }
    return Map.copyOf(compiled);
  }
}
