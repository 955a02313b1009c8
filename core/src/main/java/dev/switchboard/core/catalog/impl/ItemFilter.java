package dev.switchboard.core.catalog.impl;

import dev.switchboard.core.catalog.BackendFilter;
import dev.switchboard.core.catalog.NameOverride;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A compiled {@link BackendFilter}: include patterns (none means all), then exclude patterns, plus the overrides.
 * Patterns are exact names or globs where {@code *} matches any run of characters, including none.
 */
final class ItemFilter {
  /** Keeps everything and overrides nothing. */
  static final ItemFilter ALL = new ItemFilter(PatternSet.EMPTY, PatternSet.EMPTY, Map.of());

  private final PatternSet include;
  private final PatternSet exclude;
  private final Map<String, NameOverride> overrides;

  private ItemFilter(PatternSet include, PatternSet exclude, Map<String, NameOverride> overrides) {
    this.include = include;
    this.exclude = exclude;
    this.overrides = overrides;
  }

  static ItemFilter of(BackendFilter filter) {
    return new ItemFilter(PatternSet.of(filter.include()), PatternSet.of(filter.exclude()), filter.overrides());
  }

  /** Whether clients see the item with this name or URI. */
  boolean accepts(String key) {
    return (include.isEmpty() || include.matches(key)) && !exclude.matches(key);
  }

  /** The override for an original name, or null. */
  NameOverride override(String originalName) {
    return overrides.get(originalName);
  }

  /** Exact names in a hash set, globs as compiled patterns. */
  private record PatternSet(Set<String> exact, List<Pattern> globs) {
    static final PatternSet EMPTY = new PatternSet(Set.of(), List.of());

    static PatternSet of(List<String> patterns) {
      Set<String> exact = new HashSet<>();
      List<Pattern> globs = new ArrayList<>();
      for (String pattern : patterns) {
        if (pattern.indexOf('*') < 0) {
          exact.add(pattern);
        } else {
          globs.add(glob(pattern));
        }
      }
      return new PatternSet(Set.copyOf(exact), List.copyOf(globs));
    }

    boolean isEmpty() {
      return exact.isEmpty() && globs.isEmpty();
    }

    boolean matches(String key) {
      if (exact.contains(key)) {
        return true;
      }
      for (Pattern glob : globs) {
        if (glob.matcher(key).matches()) {
          return true;
        }
      }
      return false;
    }

    private static Pattern glob(String pattern) {
      StringBuilder regex = new StringBuilder();
      int start = 0;
      for (int star = pattern.indexOf('*'); star >= 0; star = pattern.indexOf('*', start)) {
        if (star > start) {
          regex.append(Pattern.quote(pattern.substring(start, star)));
        }
        regex.append(".*");
        start = star + 1;
      }
      if (start < pattern.length()) {
        regex.append(Pattern.quote(pattern.substring(start)));
      }
      return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
  }
}
