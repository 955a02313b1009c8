/**
 * W3C trace context propagation: {@link dev.switchboard.core.trace.TraceContext} (a {@code traceparent}) and, in
 * {@code impl}, a Vert.x tracer that takes it from a client's request (or starts one), carries it over the event bus
 * to core and puts a child of it on every backend request made for that call. No spans are exported.
 */
package dev.switchboard.core.trace;
