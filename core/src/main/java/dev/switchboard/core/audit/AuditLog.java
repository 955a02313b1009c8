package dev.switchboard.core.audit;

import dev.switchboard.core.audit.impl.AsyncAuditLog;
import dev.switchboard.core.audit.impl.NoopAuditLog;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;

/**
 * Where audit events go. {@link #record} never blocks: the line is queued for a writer thread, or dropped and
 * counted when the queue is full. One per gateway, found through {@link #of(Vertx)}.
 */
public interface AuditLog extends Shareable {

  static AuditLog of(Vertx vertx) {
    AuditLog installed = holder(vertx).get(AuditLog.class.getName());
    return installed == null ? NoopAuditLog.INSTANCE : installed;
  }

  /** Makes {@code log} the gateway's audit log in {@code vertx} (null removes it). */
  static void install(Vertx vertx, AuditLog log) {
    if (log == null) {
      holder(vertx).remove(AuditLog.class.getName());
    } else {
      holder(vertx).put(AuditLog.class.getName(), log);
    }
  }

  private static LocalMap<String, AuditLog> holder(Vertx vertx) {
    return vertx.sharedData().getLocalMap("switchboard.audit");
  }

  /** An audit log as configured: the no-op one when disabled. */
  static AuditLog create(AuditOptions options, String instance) {
    return options.enabled() ? AsyncAuditLog.open(options, instance) : NoopAuditLog.INSTANCE;
  }

  /** False for the no-op log: callers may skip building events. */
  boolean enabled();

  /** Whether tools/call lines carry the arguments. */
  boolean includeArguments();

  void record(AuditEvent event);

  /** Lines dropped because the queue was full. */
  long dropped();

  /** Writes what is queued and closes the target. */
  void close();
}
