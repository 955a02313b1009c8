package dev.switchboard.core.backend;

/**
 * A backend could not answer: unreachable, timed out, answered with an unexpected HTTP status or a body that is not
 * MCP, or no longer knows the session. A JSON-RPC error that the backend itself returned is not a
 * {@code BackendException} but a {@link dev.switchboard.core.protocol.McpException}. Messages name the backend and
 * never carry credentials.
 */
public class BackendException extends RuntimeException {
  /**
   * What went wrong. {@code CANCELLED}: the gateway itself cancelled the request
   * ({@link BackendClient#cancel}); per the spec the backend sends no response after a cancellation.
   */
  public enum Kind {
    UNREACHABLE, TIMEOUT, HTTP_STATUS, PROTOCOL, SESSION_EXPIRED, CANCELLED
  }

  private final String backend;
  private final Kind kind;

  public BackendException(String backend, Kind kind, String message) {
    this(backend, kind, message, null);
  }

  public BackendException(String backend, Kind kind, String message, Throwable cause) {
    super("backend '" + backend + "': " + message, cause, false, false);
    this.backend = backend;
    this.kind = kind;
  }

  public String backend() {
    return backend;
  }

  public Kind kind() {
    return kind;
  }
}
