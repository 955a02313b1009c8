package dev.switchboard.core.audit;

/**
 * The audit log's configuration.
 *
 * @param enabled          whether audit lines are written
 * @param target           {@code stdout} or a file path (appended to)
 * @param includeArguments whether {@code tools/call} lines carry the call's arguments (off: they may hold personal
 *                         data or secrets)
 * @param queueSize        lines waiting for the writer; when full, new lines are dropped and counted
 */
public record AuditOptions(boolean enabled, String target, boolean includeArguments, int queueSize) {
  public static final String STDOUT = "stdout";
  public static final int DEFAULT_QUEUE_SIZE = 8192;

  public AuditOptions {
    target = target == null || target.isBlank() ? STDOUT : target;
    queueSize = queueSize <= 0 ? DEFAULT_QUEUE_SIZE : queueSize;
  }

  public static AuditOptions disabled() {
    return new AuditOptions(false, STDOUT, false, DEFAULT_QUEUE_SIZE);
  }
}
