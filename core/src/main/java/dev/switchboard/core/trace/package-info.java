/**
 * W3C trace context propagation: {@link dev.switchboard.core.trace.TraceContext} (a {@code traceparent}) and, in
 * {@code impl}, a Vert.x tracer that takes it from a client's request (or starts one) and puts a child of it on every
 * backend request made for that call. The messages to core that lead to backend requests carry it across the event
 * bus themselves ({@code core.bus.Traced}). No spans are exported.
 */
package dev.switchboard.core.trace;
