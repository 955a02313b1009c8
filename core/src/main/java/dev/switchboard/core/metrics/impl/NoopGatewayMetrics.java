package dev.switchboard.core.metrics.impl;

import dev.switchboard.core.metrics.GatewayMetrics;
import java.util.function.IntSupplier;

/** Records nothing: metrics are off. */
public final class NoopGatewayMetrics implements GatewayMetrics {
  public static final GatewayMetrics INSTANCE = new NoopGatewayMetrics();

  private NoopGatewayMetrics() {
  }

  @Override
  public void sessionsActive(IntSupplier count) {
  }

  @Override
  public void statelessHeld(IntSupplier heldSessions, IntSupplier calls, IntSupplier listenStreams) {
  }

  @Override
  public void sessionCreated() {
  }

  @Override
  public void request(String method, String outcome) {
  }

  @Override
  public void toolCall(String backend, String tool, String outcome) {
  }

  @Override
  public void backendRequest(String backend, String method, long nanos) {
  }

  @Override
  public void backendState(String backend, IntSupplier up, IntSupplier circuitState) {
  }

  @Override
  public void backendRemoved(String backend) {
  }

  @Override
  public void sessionReinjected() {
  }

  @Override
  public void configReload(String outcome) {
  }
}
