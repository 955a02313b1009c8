package dev.switchboard.core.bus;

/**
 * Who is calling: a session is bound to (issuer, subject), never to a token.
 *
 * @param issuer  the token issuer, or {@code "unauthenticated"} without authentication
 * @param subject the token subject, or {@code "unauthenticated"}
 */
public record Identity(String issuer, String subject) {
  public static final Identity ANONYMOUS = new Identity("unauthenticated", "unauthenticated");
}
