package dev.switchboard.launcher.config;

import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.core.catalog.ConflictResolution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Maps {@code aggregation:} onto {@link AggregationOptions}. */
final class AggregationSection {
  private static final String BACKEND_PLACEHOLDER = "{backend}";
  private static final Pattern PREFIX_LITERAL = Pattern.compile("[A-Za-z0-9_.-]*");

  private AggregationSection() {
  }

  static AggregationOptions map(ConfigNode aggregation, KnownBackends backends) {
    aggregation.requireKeys("conflictResolution", "prefixFormat", "priorityOrder", "pageSize", "tools", "prompts",
      "resources", "catalogCacheTtl", "maxCachedCatalogs");
    return new AggregationOptions(
      conflictResolution(aggregation.get("conflictResolution")),
      prefixFormat(aggregation.get("prefixFormat")),
      priorityOrder(aggregation.get("priorityOrder"), backends),
      FilterSection.map(aggregation.get("tools"), backends, true),
      FilterSection.map(aggregation.get("prompts"), backends, true),
      FilterSection.map(aggregation.get("resources"), backends, false),
      aggregation.get("pageSize").integer(AggregationOptions.DEFAULT_PAGE_SIZE, 1, Integer.MAX_VALUE),
      aggregation.get("catalogCacheTtl").duration(AggregationOptions.DEFAULT_CATALOG_CACHE_TTL),
      aggregation.get("maxCachedCatalogs").integer(AggregationOptions.DEFAULT_MAX_CACHED_CATALOGS, 0, 1_000_000));
  }

  private static ConflictResolution conflictResolution(ConfigNode node) {
    String text = node.text(null);
    if (text == null) {
      return AggregationOptions.DEFAULT_CONFLICT_RESOLUTION;
    }
    return Arrays.stream(ConflictResolution.values())
      .filter(value -> value.name().equalsIgnoreCase(text.strip()))
      .findFirst()
      .orElseThrow(() -> node.fail("must be one of " + Arrays.stream(ConflictResolution.values())
        .map(value -> value.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
        + ", got \"" + text + "\""));
  }

  private static String prefixFormat(ConfigNode node) {
    String format = node.text(AggregationOptions.DEFAULT_PREFIX_FORMAT);
    if (!format.contains(BACKEND_PLACEHOLDER)) {
      throw node.fail("must contain " + BACKEND_PLACEHOLDER + ", got \"" + format + "\"");
    }
    if (!PREFIX_LITERAL.matcher(format.replace(BACKEND_PLACEHOLDER, "")).matches()) {
      throw node.fail("may contain only A-Z a-z 0-9 _ . - besides " + BACKEND_PLACEHOLDER + ", got \"" + format + "\"");
    }
    return format;
  }

  private static List<String> priorityOrder(ConfigNode node, KnownBackends backends) {
    List<String> order = new ArrayList<>();
    for (ConfigNode element : node.elements()) {
      String name = backends.require(element);
      if (order.contains(name)) {
        throw element.fail("backend \"" + name + "\" is listed twice");
      }
      order.add(name);
    }
    return order;
  }
}
