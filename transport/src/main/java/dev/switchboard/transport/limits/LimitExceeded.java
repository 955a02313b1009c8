package dev.switchboard.transport.limits;

/**
 * A limit of this instance is reached (sessions, pending sessions, sessions of one identity, client data): the
 * request may succeed later, so it is answered 503 with {@code Retry-After} and a retryable JSON-RPC -32001. The
 * message says which limit, never anything about other sessions.
 */
public final class LimitExceeded extends RuntimeException {
  public LimitExceeded(String message) {
    super(message, null, false, false);
  }
}
