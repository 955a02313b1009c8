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
 *   <li>an event-bus message received carries the sender's trace over to the receiving context (core);</li>
 *   <li>every request sent from a context that has a trace (event-bus message, backend HTTP request) carries a
 *       child of it: same trace id, new span id. Requests made outside a request (health probes) carry none.</li>
 * </ul>
 */
public final class TraceparentTracer implements VertxTracer<TraceContext, TraceContext> {

  @Override
  public <R> TraceContext receiveRequest(Context context, SpanKind kind, TracingPolicy policy, R request,
                                         String operation, Iterable<Map.Entry<String, String>> headers,
                                         TagExtractor<R> tagExtractor) {
    if (policy == TracingPolicy.IGNORE) {
      return null;
    }
    TraceContext received = null;
    for (Map.Entry<String, String> header : headers) {
      if (TraceContext.HEADER.equalsIgnoreCase(header.getKey())) {
        received = TraceContext.parse(header.getValue());
        break;
      }
    }
    TraceContext trace;
    if (received != null) {
      trace = received.child();
    } else if (request instanceof HttpServerRequest) {
      trace = TraceContext.newRoot();
    } else {
      return null;
    }
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
