package dev.switchboard.core.catalog;

import java.util.List;
import java.util.Map;

/**
 * Which of one backend's items (tools, prompts, or resources by URI) clients see, and how they are renamed.
 * Patterns are exact names or globs with {@code *}.
 *
 * @param backend   the backend this filter applies to
 * @param include   only items matching one of these are kept (empty: all)
 * @param exclude   items matching one of these are dropped (applied after include)
 * @param overrides original name to override (tools and prompts only)
 */
public record BackendFilter(String backend, List<String> include, List<String> exclude,
                            Map<String, NameOverride> overrides) {
  public BackendFilter {
    include = include == null ? List.of() : List.copyOf(include);
    exclude = exclude == null ? List.of() : List.copyOf(exclude);
    overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
  }
}
