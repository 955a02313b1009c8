package dev.switchboard.launcher.ops;

import dev.switchboard.core.audit.AuditOptions;

/**
 * What the operator sees of the gateway: metrics, the management port and the audit log.
 *
 * @param metricsEnabled whether {@code /metrics} is served and the MCP metrics are recorded
 * @param management     a separate HTTP listener for {@code /metrics} and {@code /health/*}; null to serve them on
 *                       the MCP port
 * @param audit          the audit log
 */
public record OperationsOptions(boolean metricsEnabled, ManagementOptions management, AuditOptions audit) {
  public static final boolean DEFAULT_METRICS_ENABLED = true;

  public OperationsOptions {
    audit = audit == null ? AuditOptions.disabled() : audit;
  }

  public static OperationsOptions defaults() {
    return new OperationsOptions(DEFAULT_METRICS_ENABLED, null, null);
  }

  /**
   * The management listener.
   *
   * @param host address to bind
   * @param port port to bind (0: a free port)
   */
  public record ManagementOptions(String host, int port) {
    public static final String DEFAULT_HOST = "127.0.0.1";
  }
}
