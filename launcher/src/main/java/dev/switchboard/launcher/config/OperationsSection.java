package dev.switchboard.launcher.config;

import dev.switchboard.core.audit.AuditOptions;
import dev.switchboard.launcher.ops.OperationsOptions;
import dev.switchboard.launcher.ops.OperationsOptions.ManagementOptions;
import dev.switchboard.launcher.ops.OperationsOptions.ReloadOptions;

/** Maps {@code metrics:}, {@code management:}, {@code audit:}, {@code reload:} and {@code tracing:} onto {@link OperationsOptions}. */
final class OperationsSection {
  private OperationsSection() {
  }

  static OperationsOptions map(ConfigNode metrics, ConfigNode management, ConfigNode audit, ConfigNode reload,
                               ConfigNode tracing) {
    reload.requireKeys("watch", "interval");
    tracing.requireKeys("enabled");
    metrics.requireKeys("enabled");
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
      tracing.get("enabled").bool(OperationsOptions.DEFAULT_TRACING_ENABLED));
  }
}
