package dev.switchboard.core.catalog.impl;

import dev.switchboard.core.catalog.AggregationOptions;
import dev.switchboard.core.catalog.ConflictResolution;
import dev.switchboard.core.catalog.NameOverride;
import dev.switchboard.core.catalog.Route;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Settles the exposed names of one kind of named items (tools or prompts) with the configured
 * {@link ConflictResolution}. The override name, when set, is the exposed name as is (no prefix); otherwise PREFIX
 * prefixes and PRIORITY/MANUAL keep the backend's name. PRIORITY then gives each shared name to the best-ranked
 * backend. A name still shared after that is a conflict: it is reported, and aggregation fails; or, at run time
 * ({@code keepNames}), the name stays with the item that exposed it before and the newcomer is left out, so that the
 * names clients see never change scheme. Remembers who exposed each name (thread-safe).
 */
final class NameResolver {
  private final ConflictResolution strategy;
  private final String prefixFormat;
  /** Who exposed each name last ({@code <label>:<name>}), to keep it there when a newcomer collides with it. */
  private final Map<String, Route> owners = new ConcurrentHashMap<>();

  NameResolver(AggregationOptions options) {
    this.strategy = options.conflictResolution();
    this.prefixFormat = options.prefixFormat();
  }

  /**
   * @param label      the kind as named in conflict descriptions ({@code tool}, {@code prompt})
   * @param candidates the filtered items, backends in catalog order, items in backend order
   * @param conflicts  receives one description per conflicting name, e.g. {@code tool 'echo' (alpha, beta)}
   * @return the exposed entries in candidate order; incomplete when conflicts were added
   */
  List<ViewEntry> resolve(String label, List<Candidate> candidates, List<String> conflicts) {
    return resolve(label, candidates, conflicts, false);
  }

  /**
   * As {@link #resolve(String, List, List)}; with {@code keepNames} a conflicting name is still reported but kept by
   * its previous owner (else the best-ranked, first listed candidate) and the others are left out.
   */
  List<ViewEntry> resolve(String label, List<Candidate> candidates, List<String> conflicts, boolean keepNames) {
    Map<String, List<Candidate>> byName = new LinkedHashMap<>();
    Set<Route> seen = new HashSet<>();
    for (Candidate candidate : candidates) {
      if (seen.add(new Route(candidate.backend(), candidate.key()))) {
        byName.computeIfAbsent(exposedName(candidate), name -> new ArrayList<>(1)).add(candidate);
      }
    }
    Set<Candidate> winners = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Map.Entry<String, List<Candidate>> group : byName.entrySet()) {
      List<Candidate> owners = strategy == ConflictResolution.PRIORITY ? bestRanked(group.getValue()) : group.getValue();
      if (owners.size() == 1) {
        winners.add(owners.get(0));
      } else {
        conflicts.add(describe(label, group.getKey(), owners));
        if (keepNames) {
          winners.add(keeper(label, group.getKey(), owners));
        }
      }
    }
    List<ViewEntry> entries = new ArrayList<>(winners.size());
    for (Candidate candidate : candidates) {
      if (winners.remove(candidate)) {
        String name = exposedName(candidate);
        Route route = new Route(candidate.backend(), candidate.key());
        entries.add(new ViewEntry(name, expose(candidate, name), route));
        this.owners.put(label + ':' + name, route);
      }
    }
    return entries;
  }

  /** The candidate that keeps a colliding name: its previous owner, else the best-ranked (first listed). */
  private Candidate keeper(String label, String name, List<Candidate> candidates) {
    Route previous = owners.get(label + ':' + name);
    for (Candidate candidate : candidates) {
      if (new Route(candidate.backend(), candidate.key()).equals(previous)) {
        return candidate;
      }
    }
    int best = candidates.stream().mapToInt(Candidate::rank).min().orElseThrow();
    return candidates.stream().filter(candidate -> candidate.rank() == best).findFirst().orElseThrow();
  }

  private String exposedName(Candidate candidate) {
    NameOverride override = candidate.override();
    if (override != null && override.name() != null) {
      return override.name();
    }
    if (strategy == ConflictResolution.PREFIX) {
      return prefixFormat.replace("{backend}", candidate.backend()) + candidate.key();
    }
    return candidate.key();
  }

  /** A copy of the backend's JSON with only the name, and the description when overridden, replaced. */
  private static JsonObject expose(Candidate candidate, String name) {
    JsonObject copy = candidate.item().copy();
    if (!name.equals(candidate.key())) {
      copy.put("name", name);
    }
    NameOverride override = candidate.override();
    if (override != null && override.description() != null) {
      copy.put("description", override.description());
    }
    return copy;
  }

  private static List<Candidate> bestRanked(List<Candidate> owners) {
    if (owners.size() == 1) {
      return owners;
    }
    int best = owners.stream().mapToInt(Candidate::rank).min().orElseThrow();
    return owners.stream().filter(candidate -> candidate.rank() == best).toList();
  }

  private static String describe(String label, String name, List<Candidate> owners) {
    return owners.stream()
      .map(owner -> owner.key().equals(name) ? owner.backend() : owner.backend() + ':' + owner.key())
      .collect(Collectors.joining(", ", label + " '" + name + "' (", ")"));
  }
}
