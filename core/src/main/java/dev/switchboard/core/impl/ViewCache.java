package dev.switchboard.core.impl;

import dev.switchboard.core.catalog.CapabilityView;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Interns capability views by fingerprint, so that sessions with the same catalogs share one immutable view (a few
 * bytes per session instead of a copy). Bounded: when full, an arbitrary entry is evicted; sessions keep their
 * references, only sharing is lost.
 */
final class ViewCache {
  static final int MAX_VIEWS = 1024;
  private final ConcurrentHashMap<String, CapabilityView> views = new ConcurrentHashMap<>();

  CapabilityView intern(CapabilityView view) {
    CapabilityView existing = views.putIfAbsent(view.fingerprint(), view);
    if (existing != null) {
      return existing;
    }
    if (views.size() > MAX_VIEWS) {
      Iterator<String> it = views.keySet().iterator();
      if (it.hasNext()) {
        String victim = it.next();
        if (!victim.equals(view.fingerprint())) {
          views.remove(victim);
        }
      }
    }
    return view;
  }

  CapabilityView get(String fingerprint) {
    return fingerprint == null ? null : views.get(fingerprint);
  }
}
