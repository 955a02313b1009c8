package dev.switchboard.transport.session;

/** A request names a session it may not use. Turned into an HTTP answer by the endpoint's error mapping. */
public final class SessionFailure extends RuntimeException {
  /** Why. */
  public enum Kind {
    /** Unknown, expired or terminated: 404, and the client starts a new session. */
    NOT_FOUND,
    /** The session is bound to another identity: 403. */
    FORBIDDEN
  }

  private final Kind kind;

  public SessionFailure(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public static SessionFailure notFound() {
    return new SessionFailure(Kind.NOT_FOUND, "Session not found");
  }

  public static SessionFailure forbidden() {
    return new SessionFailure(Kind.FORBIDDEN, "Forbidden");
  }
}
