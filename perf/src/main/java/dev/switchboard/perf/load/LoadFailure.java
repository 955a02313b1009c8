package dev.switchboard.perf.load;

import java.util.concurrent.TimeoutException;
import java.net.ConnectException;

/** A failed exchange, classified; carries no stack trace (it is counted, not debugged). */
public final class LoadFailure extends RuntimeException {
  private final ErrorKind kind;

  public LoadFailure(ErrorKind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public ErrorKind kind() {
    return kind;
  }

  /** Classifies any failure of an exchange. */
  public static ErrorKind classify(Throwable err) {
    if (err instanceof LoadFailure failure) {
      return failure.kind();
    }
    if (err instanceof ConnectException) {
      return ErrorKind.CONNECT;
    }
    for (Throwable t = err; t != null; t = t.getCause()) {
      String name = t.getClass().getSimpleName();
      if (t instanceof TimeoutException || name.contains("Timeout")) {
        return name.contains("Connect") ? ErrorKind.CONNECT : ErrorKind.TIMEOUT;
      }
      if (t instanceof ConnectException) {
        return ErrorKind.CONNECT;
      }
    }
    return ErrorKind.IO;
  }
}
