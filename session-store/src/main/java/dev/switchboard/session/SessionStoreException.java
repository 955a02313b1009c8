package dev.switchboard.session;

/** The store could not be reached or answered nonsense; the request may be retried. */
public class SessionStoreException extends RuntimeException {
  public SessionStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
