package dev.switchboard.transport.auth.impl;

import dev.switchboard.core.auth.CallerTokens;
import dev.switchboard.transport.auth.AuthFailure;
import dev.switchboard.transport.auth.Caller;
import dev.switchboard.transport.auth.IncomingAuth;
import dev.switchboard.transport.auth.IncomingAuthOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.NoSuchKeyIdException;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.providers.OpenIDConnectAuth;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * {@code type: oauth2}: validates bearer tokens with vertx-auth-oauth2 (signature against the JWKS, issuer, expiry),
 * then checks the claims itself ({@link ClaimCheck}) and the required scopes.
 *
 * <p>Two holes of vertx-auth are closed here: a JWT without {@code aud} passes its local check (ClaimCheck requires
 * an audience of ours), and a token that fails local validation falls back to the discovered userinfo or
 * introspection endpoint without any audience check (the provider is built without a userinfo endpoint, with the
 * introspection endpoint only when configured, and an introspection answer goes through ClaimCheck too). Unsigned
 * ({@code alg: none}) tokens are refused before vertx-auth sees them, since it accepts them when it holds no key.
 */
public final class OAuth2IncomingAuth implements IncomingAuth {
  private static final String BEARER = "bearer ";
  private static final Set<String> SIGNED_ALGS = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
    "ES256", "ES384", "ES512", "EdDSA");

  private final IncomingAuthOptions options;
  private final OAuth2Auth provider;
  private final KeyRefresher keys;
  private final TokenCache cache;
  private final ClaimCheck claims;
  private final Set<String> required;
  private final CallerTokens callers;

  private OAuth2IncomingAuth(IncomingAuthOptions options, OAuth2Auth provider, CallerTokens callers) {
    this.callers = callers;
    this.options = options;
    this.provider = provider;
    this.keys = new KeyRefresher(provider::jWKSet, options.keyRefreshMinInterval().toNanos(), System::nanoTime);
    this.cache = new TokenCache(options.tokenCacheSize(), options.tokenCacheTtl().toMillis(),
      System::currentTimeMillis);
    this.claims = new ClaimCheck(options);
    this.required = Set.copyOf(options.scopes());
    // vertx-auth calls this for an unknown key id even when it then introspects the token instead of failing
    provider.missingKeyHandler(kid -> keys.refresh());
  }

  /** Discovers the authorization server (or takes {@code jwksUrl}) and loads its keys. */
  public static Future<IncomingAuth> start(Vertx vertx, IncomingAuthOptions options, CallerTokens callers) {
    // a resource server is no OAuth client, but vertx-auth wants a client id for the flows an IdP advertises
    OAuth2Options config = new OAuth2Options()
      .setSite(options.issuer())
      .setClientId(options.introspection() == null ? "switchboard" : options.introspection().clientId())
      .setHttpClientOptions(new HttpClientOptions()
        .setConnectTimeout((int) options.requestTimeout().toMillis())
        .setIdleTimeout((int) Math.max(1, options.requestTimeout().toSeconds())))
      .setJWTOptions(new JWTOptions().setIssuer(options.issuer()).setAudience(options.audiences())
        .setLeeway((int) options.clockSkew().toSeconds()));
    Future<OAuth2Options> located = options.jwksUrl() != null
      ? Future.succeededFuture(config.setJwkPath(options.jwksUrl()))
      : OpenIDConnectAuth.discover(vertx, config).map(discovered -> config);
    return located.compose(found -> {
      found.setUserInfoPath(null).setSupportedGrantTypes(List.of());
      found.setIntrospectionPath(null);
      if (options.introspection() != null) {
        found.setIntrospectionPath(options.introspection().url())
          .setClientId(options.introspection().clientId())
          .setClientSecret(options.introspection().clientSecret());
      }
      OAuth2Auth provider = OAuth2Auth.create(vertx, found);
      return provider.jWKSet().map(v -> (IncomingAuth) new OAuth2IncomingAuth(options, provider, callers));
    });
  }

  @Override
  public IncomingAuthOptions options() {
    return options;
  }

  @Override
  public Future<Caller> authenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      return Future.failedFuture(AuthFailure.missing());
    }
    if (authorization.length() <= BEARER.length()
      || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Future.failedFuture(AuthFailure.invalid("the Authorization header must be a bearer token"));
    }
    String token = authorization.substring(BEARER.length()).trim();
    String key = TokenCache.key(token);
    Caller cached = cache.get(key);
    if (cached != null) {
      return scoped(cached);
    }
    try {
      checkShape(token);
    } catch (AuthFailure e) {
      return Future.failedFuture(e);
    }
    return validate(token, true).compose(caller -> {
      cache.put(key, caller);
      return scoped(caller);
    });
  }

  private Future<Caller> scoped(Caller caller) {
    if (!caller.scopes().containsAll(required)) {
      return Future.failedFuture(AuthFailure.insufficientScope());
    }
    callers.update(caller.identity(), caller.token(), caller.expiresAtMillis(), caller.scopes(), caller.claims());
    return Future.succeededFuture(caller);
  }

  /** A JWT must be signed with an asymmetric algorithm; anything else must be an opaque token for introspection. */
  private void checkShape(String token) {
    int dots = (int) token.chars().filter(c -> c == '.').count();
    if (dots == 0 && options.introspection() != null) {
      return;
    }
    if (dots != 2) {
      throw AuthFailure.invalid("malformed token");
    }
    String alg;
    try {
      byte[] header = Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.')));
      alg = new JsonObject(new String(header, StandardCharsets.UTF_8)).getString("alg");
    } catch (IllegalArgumentException | DecodeException | ClassCastException e) {
      throw AuthFailure.invalid("malformed token");
    }
    if (alg == null || !SIGNED_ALGS.contains(alg) || token.endsWith(".")) {
      throw AuthFailure.invalid("unsupported or missing signature algorithm");
    }
  }

  private Future<Caller> validate(String token, boolean mayRefresh) {
    return provider.authenticate(new TokenCredentials(token)).transform(done -> {
      if (done.succeeded()) {
        try {
          return Future.succeededFuture(claims.check(token, claimsOf(done.result()), System.currentTimeMillis()));
        } catch (AuthFailure e) {
          return Future.failedFuture(e);
        }
      }
      if (done.cause() instanceof NoSuchKeyIdException) {
        return mayRefresh ? keys.refresh().compose(fresh -> validate(token, false))
          : Future.failedFuture(AuthFailure.invalid("unknown signing key"));
      }
      return Future.failedFuture(AuthFailure.invalid("invalid token"));
    });
  }

  /** The JWT payload when the token was verified locally, the introspection answer when it was introspected. */
  private JsonObject claimsOf(User user) {
    JsonObject jwt = user.attributes().getJsonObject("accessToken");
    if (jwt != null) {
      return jwt;
    }
    JsonObject principal = user.principal();
    if (options.introspection() != null && Boolean.TRUE.equals(principal.getValue("active"))) {
      JsonObject introspected = principal.copy();
      introspected.remove("access_token");
      return introspected;
    }
    throw AuthFailure.invalid("invalid token");
  }
}
