package dev.switchboard.core.bus;

import dev.switchboard.core.trace.TraceContext;

/**
 * A message to core that may lead to backend requests, and so carries the trace of the client request it was made
 * for (see {@link CoreBus}).
 */
public interface Traced {
  /** The trace context of the request being handled where the message was made, or null. */
  TraceContext trace();
}
