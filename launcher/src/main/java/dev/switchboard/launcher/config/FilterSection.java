package dev.switchboard.launcher.config;

import dev.switchboard.core.catalog.BackendFilter;
import dev.switchboard.core.catalog.NameOverride;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Maps {@code aggregation.tools}, {@code aggregation.prompts} and {@code aggregation.resources} onto {@link BackendFilter}s. */
final class FilterSection {
  private FilterSection() {
  }

  /**
   * @param withOverrides whether {@code overrides} is allowed (tools and prompts; resources are filtered only)
   */
  static List<BackendFilter> map(ConfigNode list, KnownBackends backends, boolean withOverrides) {
    Set<String> seen = new HashSet<>();
    List<BackendFilter> filters = new ArrayList<>();
    for (ConfigNode filter : list.elements()) {
      if (withOverrides) {
        filter.requireKeys("backend", "include", "exclude", "overrides");
      } else {
        filter.requireKeys("backend", "include", "exclude");
      }
      String backend = backends.require(filter.get("backend"));
      if (!seen.add(backend)) {
        throw filter.get("backend").fail("backend \"" + backend + "\" already has a filter in this list");
      }
      filters.add(new BackendFilter(backend, patterns(filter.get("include")), patterns(filter.get("exclude")),
        overrides(filter.get("overrides"))));
    }
    return filters;
  }

  private static List<String> patterns(ConfigNode list) {
    return list.elements().stream().map(element -> {
      String pattern = element.requiredText();
      if (pattern.isEmpty()) {
        throw element.fail("must not be empty");
      }
      return pattern;
    }).toList();
  }

  private static Map<String, NameOverride> overrides(ConfigNode map) {
    Map<String, NameOverride> overrides = new LinkedHashMap<>();
    map.entries().forEach((original, override) -> {
      override.requireKeys("name", "description");
      String name = override.get("name").text(null);
      if (name != null && name.isBlank()) {
        throw override.get("name").fail("must not be empty");
      }
      String description = override.get("description").text(null);
      if (name == null && description == null) {
        throw override.fail("must set name, description, or both");
      }
      overrides.put(original, new NameOverride(name, description));
    });
    return overrides;
  }
}
