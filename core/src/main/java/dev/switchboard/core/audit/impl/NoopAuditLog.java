package dev.switchboard.core.audit.impl;

import dev.switchboard.core.audit.AuditEvent;
import dev.switchboard.core.audit.AuditLog;

/** Writes nothing: the audit log is off. */
public final class NoopAuditLog implements AuditLog {
  public static final AuditLog INSTANCE = new NoopAuditLog();

  private NoopAuditLog() {
  }

  @Override
  public boolean enabled() {
    return false;
  }

  @Override
  public boolean includeArguments() {
    return false;
  }

  @Override
  public void record(AuditEvent event) {
  }

  @Override
  public long dropped() {
    return 0;
  }

  @Override
  public void close() {
  }
}
