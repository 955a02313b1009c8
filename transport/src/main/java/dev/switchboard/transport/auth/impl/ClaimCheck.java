package dev.switchboard.transport.auth.impl;

import dev.switchboard.core.bus.Identity;
import dev.switchboard.transport.auth.AuthFailure;
import dev.switchboard.transport.auth.Caller;
import dev.switchboard.transport.auth.IncomingAuthOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks the gateway makes itself on a token's claims, whether they came from a verified JWT or from
 * introspection: exact issuer, an audience of ours (a token without {@code aud} fails: vertx-auth lets it pass),
 * {@code exp} present and not past, {@code nbf} not in the future, a subject.
 */
final class ClaimCheck {
  private final String issuer;
  private final List<String> audiences;
  private final long skewMillis;

  ClaimCheck(IncomingAuthOptions options) {
    this.issuer = options.issuer();
    this.audiences = options.audiences();
    this.skewMillis = options.clockSkew().toMillis();
  }

  /** @throws AuthFailure when a claim is wrong; the message names the claim, never a value */
  Caller check(String token, JsonObject claims, long nowMillis) {
    if (!issuer.equals(claims.getValue("iss"))) {
      throw AuthFailure.invalid("wrong issuer");
    }
    if (!hasAudience(claims.getValue("aud"))) {
      throw AuthFailure.invalid("the token is not meant for this resource (aud)");
    }
    if (!(claims.getValue("exp") instanceof Number exp)) {
      throw AuthFailure.invalid("the token has no expiry");
    }
    long expMillis = exp.longValue() * 1000;
    if (nowMillis - skewMillis >= expMillis) {
      throw AuthFailure.invalid("the token expired");
    }
    if (claims.getValue("nbf") instanceof Number nbf && nbf.longValue() * 1000 > nowMillis + skewMillis) {
      throw AuthFailure.invalid("the token is not valid yet");
    }
    if (!(claims.getValue("sub") instanceof String sub) || sub.isEmpty()) {
      throw AuthFailure.invalid("the token has no subject");
    }
    return new Caller(new Identity(issuer, sub), token, scopes(claims), claims, expMillis);
  }

  private boolean hasAudience(Object aud) {
    if (aud instanceof String single) {
      return audiences.contains(single);
    }
    if (aud instanceof JsonArray list) {
      for (Object a : list) {
        if (a instanceof String s && audiences.contains(s)) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code scope} (space-separated, RFC 8693/9068) or {@code scp} (string or array, as Entra and Okta issue it). */
  static Set<String> scopes(JsonObject claims) {
    Set<String> scopes = new HashSet<>();
    for (String name : List.of("scope", "scp")) {
      Object value = claims.getValue(name);
      if (value instanceof String text) {
        for (String s : text.trim().split("\\s+")) {
          if (!s.isEmpty()) {
            scopes.add(s);
          }
        }
      } else if (value instanceof JsonArray list) {
        list.forEach(s -> {
          if (s instanceof String str) {
            scopes.add(str);
          }
        });
      }
    }
    return scopes;
  }
}
