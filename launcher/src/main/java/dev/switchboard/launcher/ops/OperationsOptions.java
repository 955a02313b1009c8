package dev.switchboard.launcher.ops;

import dev.switchboard.core.audit.AuditOptions;
import java.time.Duration;
import java.util.Set;

/**
 * What the operator sees of the gateway: metrics, the management port and the audit log.
 *
 * @param metricsEnabled whether {@code /metrics} is served and the MCP metrics are recorded
 * @param management     a separate HTTP listener for {@code /metrics} and {@code /health/*}; null to serve them on
 *                       the MCP port
 * @param audit          the audit log
 * @param reload         watching the configuration file
 * @param tracingEnabled whether the W3C {@code traceparent} is propagated to backends (and started when absent)
 * @param vertxMeters    which groups of Vert.x's own meters are recorded (with metrics enabled); null for
 *                       {@link VertxMeters#DEFAULTS}
 */
public record OperationsOptions(boolean metricsEnabled, ManagementOptions management, AuditOptions audit,
                                ReloadOptions reload, boolean tracingEnabled, Set<VertxMeters> vertxMeters) {
  public static final boolean DEFAULT_METRICS_ENABLED = true;
  public static final boolean DEFAULT_TRACING_ENABLED = true;

  public OperationsOptions {
    audit = audit == null ? AuditOptions.disabled() : audit;
    reload = reload == null ? ReloadOptions.defaults() : reload;
    vertxMeters = vertxMeters == null ? VertxMeters.DEFAULTS : Set.copyOf(vertxMeters);
  }

  public OperationsOptions(boolean metricsEnabled, ManagementOptions management, AuditOptions audit) {
    this(metricsEnabled, management, audit, null, DEFAULT_TRACING_ENABLED, null);
  }

  public static OperationsOptions defaults() {
    return new OperationsOptions(DEFAULT_METRICS_ENABLED, null, null, null, DEFAULT_TRACING_ENABLED, null);
  }

  /**
   * Hot reload of the configuration file (also on {@code SIGHUP}).
   *
   * @param watch    whether the file is checked for changes
   * @param interval how often its content is compared with what is running
   */
  public record ReloadOptions(boolean watch, Duration interval) {
    public static final boolean DEFAULT_WATCH = true;
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);

    public ReloadOptions {
      interval = interval == null ? DEFAULT_INTERVAL : interval;
    }

    public static ReloadOptions defaults() {
      return new ReloadOptions(DEFAULT_WATCH, DEFAULT_INTERVAL);
    }
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
