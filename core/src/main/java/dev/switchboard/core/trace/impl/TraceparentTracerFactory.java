package dev.switchboard.core.trace.impl;

import io.vertx.core.spi.VertxTracerFactory;
import io.vertx.core.spi.tracing.VertxTracer;
import io.vertx.core.tracing.TracingOptions;

/** Builds the {@link TraceparentTracer}: pass it to {@code Vertx.builder().withTracer(...)}. */
public final class TraceparentTracerFactory implements VertxTracerFactory {
  @Override
  public VertxTracer<?, ?> tracer(TracingOptions options) {
    return new TraceparentTracer();
  }
}
