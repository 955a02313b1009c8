package dev.switchboard.core.trace.impl;

import dev.switchboard.core.trace.TraceContext;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.spi.tracing.SpanKind;
import io.vertx.core.spi.tracing.TagExtractor;
import io.vertx.core.spi.tracing.VertxTracer;
import io.vertx.core.tracing.TracingPolicy;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Propagates {@code traceparent} only (no spans recorded or exported):
 * <ul>
 *   <li>a request the HTTP server receives keeps the client's trace, or starts a new one when it has none (or a
 *       malformed one), and the gateway's hop gets a span id of its own;</li>
 *   <li>every request sent from a context that has a trace (a backend HTTP request) carries a child of it: same
 *       trace id, new span id. Requests made outside a request (health probes) carry none.</li>
 *   <li>the event bus is left alone: the gateway sends on it untraced, and its messages to core carry their trace
 *       themselves ({@code CoreBus}).</li>
 * </ul>
 */
public final class TraceparentTracer implements VertxTracer<TraceContext, TraceContext> {

  @Override
  public <R> TraceContext receiveRequest(Context context, SpanKind kind, TracingPolicy policy, R request,
                                         String operation, Iterable<Map.Entry<String, String>> headers,
                                         TagExtractor<R> tagExtractor) {
    if (policy == TracingPolicy.IGNORE || !(request instanceof HttpServerRequest http)) {
      return null;
    }
    TraceContext received = TraceContext.parse(http.getHeader(TraceContext.HEADER));
    TraceContext trace = received != null ? received.child() : TraceContext.newRoot();
    TraceContext.attach(context, trace);
    return trace;
  }

  @Override
  public <R> TraceContext sendRequest(Context context, SpanKind kind, TracingPolicy policy, R request,
                                      String operation, BiConsumer<String, String> headers,
                                      TagExtractor<R> tagExtractor) {
    if (policy == TracingPolicy.IGNORE || context == null) {
      return null;
    }
    TraceContext current = TraceContext.of(context);
    if (current == null) {
      return null;
    }
    TraceContext next = current.child();
    headers.accept(TraceContext.HEADER, next.header());
    return next;
  }
}
