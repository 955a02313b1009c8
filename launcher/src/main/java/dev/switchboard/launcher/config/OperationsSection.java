package dev.switchboard.launcher.config;

import dev.switchboard.core.audit.AuditOptions;
import dev.switchboard.launcher.ops.OperationsOptions;
import dev.switchboard.launcher.ops.OperationsOptions.ManagementOptions;
import dev.switchboard.launcher.ops.OperationsOptions.ReloadOptions;
import dev.switchboard.launcher.ops.VertxMeters;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Maps {@code metrics:}, {@code management:}, {@code audit:}, {@code reload:} and {@code tracing:} onto {@link OperationsOptions}. */
final class OperationsSection {
  private OperationsSection() {
  }

  static OperationsOptions map(ConfigNode metrics, ConfigNode management, ConfigNode audit, ConfigNode reload,
                               ConfigNode tracing) {
    reload.requireKeys("watch", "interval");
    tracing.requireKeys("enabled");
    metrics.requireKeys("enabled", "vertx");
    management.requireKeys("host", "port");
    audit.requireKeys("enabled", "target", "includeArguments", "queueSize");
    ManagementOptions listener = null;
    if (!management.entries().isEmpty()) {
      String host = management.get("host").text(ManagementOptions.DEFAULT_HOST);
      if (host.isBlank()) {
        throw management.get("host").fail("must not be empty");
      }
      listener = new ManagementOptions(host, management.get("port").integer(-1, 0, 65535));
      if (listener.port() < 0) {
        throw management.get("port").fail("required");
      }
    }
    String target = audit.get("target").text(AuditOptions.STDOUT);
    if (target.isBlank()) {
      throw audit.get("target").fail("must be stdout or a file path");
    }
    return new OperationsOptions(metrics.get("enabled").bool(OperationsOptions.DEFAULT_METRICS_ENABLED), listener,
      new AuditOptions(audit.get("enabled").bool(false), target, audit.get("includeArguments").bool(false),
        audit.get("queueSize").integer(AuditOptions.DEFAULT_QUEUE_SIZE, 1, 1 << 20)),
      new ReloadOptions(reload.get("watch").bool(ReloadOptions.DEFAULT_WATCH),
        reload.get("interval").duration(ReloadOptions.DEFAULT_INTERVAL)),
      tracing.get("enabled").bool(OperationsOptions.DEFAULT_TRACING_ENABLED), vertxMeters(metrics.get("vertx")));
  }

  /** {@code metrics.vertx}: a list of group names, each once; null (the defaults) when left out. */
  private static Set<VertxMeters> vertxMeters(ConfigNode node) {
    if (!node.isPresent()) {
      return null;
    }
    Set<VertxMeters> groups = EnumSet.noneOf(VertxMeters.class);
    for (ConfigNode element : node.elements()) {
      String name = element.requiredText();
      VertxMeters group = VertxMeters.named(name).orElseThrow(() -> element.fail("unknown group \"" + name
        + "\" (known: " + Arrays.stream(VertxMeters.values()).map(VertxMeters::configName)
        .collect(Collectors.joining(", ")) + ")"));
      if (!groups.add(group)) {
        throw element.fail("\"" + name + "\" is listed twice");
      }
    }
    return groups;
  }
}
