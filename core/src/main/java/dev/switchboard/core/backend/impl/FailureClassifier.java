package dev.switchboard.core.backend.impl;

import dev.switchboard.core.backend.BackendException;
import dev.switchboard.core.backend.BackendException.Kind;
import dev.switchboard.core.protocol.McpException;
import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * Turns transport failures into {@link BackendException}s. MessageDecoding come from exception types and from the socket
 * layer (which names at most a host and port), never from request headers.
 */
final class FailureClassifier {
  /** How much of an unexpected response body an error message may quote. */
  static final int SNIPPET_CHARS = 200;

  private FailureClassifier() {
  }

  /** Passes {@link BackendException} and {@link McpException} through and classifies anything else. */
  static Throwable classify(String backend, Throwable failure) {
    if (failure instanceof BackendException || failure instanceof McpException) {
      return failure;
    }
    if (failure instanceof ConnectionPoolTooBusyException) {
      return new BackendException(backend, Kind.BUSY, "connection pool wait queue is full", failure);
    }
    if (failure instanceof ConnectException || failure instanceof UnknownHostException) {
      return new BackendException(backend, Kind.UNREACHABLE, "cannot connect: " + describe(failure), failure);
    }
    if (failure instanceof SSLException) {
      return new BackendException(backend, Kind.UNREACHABLE, "TLS failure: " + describe(failure), failure);
    }
    if (failure instanceof HttpClosedException || failure instanceof StreamResetException) {
      return new BackendException(backend, Kind.UNREACHABLE, "connection closed before the response", failure);
    }
    if (failure instanceof VertxException && failure.getCause() != null) {
      return classify(backend, failure.getCause());
    }
    return new BackendException(backend, Kind.UNREACHABLE, describe(failure), failure);
  }

  static BackendException protocol(String backend, String message) {
    return new BackendException(backend, Kind.PROTOCOL, message);
  }

  static BackendException timeout(String backend, Duration timeout) {
    return new BackendException(backend, Kind.TIMEOUT, "timed out after " + seconds(timeout) + "s");
  }

  /** An HTTP status the exchange does not accept, quoting at most {@link #SNIPPET_CHARS} of the body. */
  static BackendException status(String backend, String sessionId, int status, String bodySnippet) {
    if (status == 404 && sessionId != null) {
      return new BackendException(backend, Kind.SESSION_EXPIRED, "session expired (HTTP 404)");
    }
    String body = bodySnippet == null || bodySnippet.isBlank() ? "" : ": " + bodySnippet;
    return new BackendException(backend, Kind.HTTP_STATUS, "HTTP " + status + body);
  }

  /** Makes text safe and short for a message: control characters become spaces, at most {@code max} chars. */
  static String snippet(String text, int max) {
    String cut = text.length() > max ? text.substring(0, max) + "..." : text;
    StringBuilder out = new StringBuilder(cut.length());
    cut.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    return out.toString().trim();
  }

  /** "30", "0.3" or "1.5" for a duration in seconds. */
  static String seconds(Duration duration) {
    return BigDecimal.valueOf(duration.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString();
  }

  private static String describe(Throwable failure) {
    String message = failure.getMessage();
    String type = failure.getClass().getSimpleName();
    return message == null || message.isBlank() ? type : type + ": " + snippet(message, SNIPPET_CHARS);
  }
}
