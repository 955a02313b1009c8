package dev.switchboard.launcher.config;

import dev.switchboard.core.backend.BackendOptions;

import java.util.List;

/** The configured backend names, for checking references to them from {@code aggregation:}. */
record KnownBackends(List<String> names) {
  KnownBackends {
    names = List.copyOf(names);
  }

  static KnownBackends of(List<BackendOptions> backends) {
    return new KnownBackends(backends.stream().map(BackendOptions::name).toList());
  }

  /** @return the backend name at {@code node}, which must name a configured backend */
  String require(ConfigNode node) {
    String name = node.requiredText();
    if (!names.contains(name)) {
      throw node.fail("unknown backend \"" + name + "\" (known: " + String.join(", ", names) + ")");
    }
    return name;
  }
}
