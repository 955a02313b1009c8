package dev.switchboard.core.catalog.impl;

import dev.switchboard.core.catalog.Route;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges resources (keyed by {@code uri}) or resource templates (keyed by {@code uriTemplate}). URIs are identifiers,
 * so nothing is renamed: when several backends list the same key, the best-ranked backend keeps it and the other
 * copies are dropped; within one backend the first copy wins.
 */
final class Resources {

  private Resources() {
  }

  /** The entries that keep their key, as copies, in candidate order. */
  static List<ViewEntry> resolve(List<Candidate> candidates) {
    Map<String, Candidate> owners = new HashMap<>();
    for (Candidate candidate : candidates) {
      Candidate owner = owners.get(candidate.key());
      if (owner == null || candidate.rank() < owner.rank()) {
        owners.put(candidate.key(), candidate);
      }
    }
    List<ViewEntry> entries = new ArrayList<>(owners.size());
    for (Candidate candidate : candidates) {
      if (owners.get(candidate.key()) == candidate) {
        entries.add(new ViewEntry(candidate.key(), candidate.item().copy(),
          new Route(candidate.backend(), candidate.key())));
      }
    }
    return entries;
  }
}
