package dev.switchboard.core.health.impl;

import dev.switchboard.core.backend.BackendException;
import io.vertx.core.http.ConnectionPoolTooBusyException;

/** Which failures of a backend call say the backend is unwell. */
public final class CallOutcomes {
  private CallOutcomes() {
  }

  /**
   * Connection failures, timeouts and HTTP 5xx count; a JSON-RPC error (the backend answered), a client-side HTTP
   * status, an expired session, a cancellation and a full connection pool or wait queue (backpressure) do not.
   */
  public static boolean countsAgainst(Throwable failure) {
    if (!(failure instanceof BackendException be)) {
      return false;
    }
    return switch (be.kind()) {
      case UNREACHABLE -> !busy(be);
      case TIMEOUT -> true;
      case HTTP_STATUS -> be.getMessage() != null && be.getMessage().contains(": HTTP 5");
      default -> false;
    };
  }

  /** The connection pool or its wait queue was full: backpressure, not a backend failure. */
  public static boolean busy(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectionPoolTooBusyException) {
        return true;
      }
    }
    return false;
  }
}
