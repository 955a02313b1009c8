package dev.switchboard.transport.auth;

import dev.switchboard.core.bus.Identity;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * An authenticated caller of one request. The token is kept in memory only, to obtain outgoing credentials on the
 * caller's behalf; {@link #toString()} never shows it.
 *
 * @param identity        issuer and subject ({@link Identity#ANONYMOUS} without authentication)
 * @param token           the bearer token as received, or null without authentication
 * @param scopes          the token's scopes
 * @param claims          the token's claims (JWT payload or introspection answer)
 * @param expiresAtMillis the token's {@code exp} in epoch millis ({@link Long#MAX_VALUE} without authentication)
 */
public record Caller(Identity identity, String token, Set<String> scopes, JsonObject claims, long expiresAtMillis) {
  public static final Caller ANONYMOUS = new Caller(Identity.ANONYMOUS, null, Set.of(), new JsonObject(),
    Long.MAX_VALUE);

  public Caller {
    scopes = Set.copyOf(scopes);
  }

  @Override
  public String toString() {
    return "Caller[" + identity + ", scopes=" + scopes + "]";
  }
}
