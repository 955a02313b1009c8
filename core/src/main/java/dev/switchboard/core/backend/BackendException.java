package dev.switchboard.core.backend;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A backend could not answer: unreachable, timed out, answered with an unexpected HTTP status or a body that is not
 * MCP, or no longer knows the session. A JSON-RPC error that the backend itself returned is not a
 * {@code BackendException} but a {@link dev.switchboard.core.protocol.McpException}. Messages name the backend and
 * never carry credentials. {@link #getMessage()} is for the log (it may hold an exception class, an address or a
 * snippet of the backend's body); {@link #clientMessage()} is what a client may see.
 */
public class BackendException extends RuntimeException {
  /**
   * What went wrong. {@code CANCELLED}: the gateway itself cancelled the request
   * ({@link BackendClient#cancel}); per the spec the backend sends no response after a cancellation. {@code BUSY}:
   * the backend's pool, or the session's share of it, is full; the call was not sent. {@code UNAVAILABLE}: the backend
   * is down (its circuit is open); the call was not sent. {@code CREDENTIALS}: the gateway could not obtain the
   * backend's credentials (outgoing auth); the call was not sent.
   */
  public enum Kind {
    UNREACHABLE, TIMEOUT, HTTP_STATUS, PROTOCOL, SESSION_EXPIRED, CANCELLED, BUSY, UNAVAILABLE, CREDENTIALS
  }

  private static final Pattern HTTP_STATUS = Pattern.compile("^HTTP (\\d{3})");

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

  /**
   * What a client may be told: the backend's name and a short generic reason ({@code unreachable},
   * {@code timed out}, {@code HTTP 500}, {@code invalid answer}, {@code busy}, ...), never an exception class, an
   * address or the backend's own error body.
   */
  public String clientMessage() {
    return "backend '" + backend + "': " + reason();
  }

  private String reason() {
    return switch (kind) {
      case UNREACHABLE -> "unreachable";
      case TIMEOUT -> "timed out";
      case HTTP_STATUS -> httpStatus();
      case PROTOCOL -> "invalid answer";
      case SESSION_EXPIRED -> "session expired";
      case CANCELLED -> "cancelled";
      case BUSY -> "busy";
      case UNAVAILABLE -> "unavailable (down; retried by its health check)";
      case CREDENTIALS -> "could not obtain credentials for it";
    };
  }

  private String httpStatus() {
    String message = getMessage();
    String detail = message.substring(Math.min(message.length(), ("backend '" + backend + "': ").length()));
    Matcher status = HTTP_STATUS.matcher(detail);
    return status.find() ? "HTTP " + status.group(1) : "unexpected HTTP status";
  }
}
