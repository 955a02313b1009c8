package dev.switchboard.transport.auth;

/**
 * A request that failed authentication: 401 (no, or an invalid, token) or 403 (a required scope is missing). The
 * message is safe for a client and a log: it never contains the token.
 */
public final class AuthFailure extends RuntimeException {
  /** Why. */
  public enum Kind {
    /** No {@code Authorization: Bearer} header: 401 without an error code. */
    MISSING_TOKEN,
    /** The token is malformed, expired, badly signed, or for another issuer or audience: 401 invalid_token. */
    INVALID_TOKEN,
    /** The token lacks a required scope: 403 insufficient_scope. */
    INSUFFICIENT_SCOPE
  }

  private final Kind kind;

  public AuthFailure(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public int status() {
    return kind == Kind.INSUFFICIENT_SCOPE ? 403 : 401;
  }

  public static AuthFailure missing() {
    return new AuthFailure(Kind.MISSING_TOKEN, "Unauthorized: a bearer token is required");
  }

  public static AuthFailure invalid(String why) {
    return new AuthFailure(Kind.INVALID_TOKEN, "Unauthorized: " + why);
  }

  public static AuthFailure insufficientScope() {
    return new AuthFailure(Kind.INSUFFICIENT_SCOPE, "Forbidden: insufficient scope");
  }
}
