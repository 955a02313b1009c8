package dev.switchboard.transport.auth;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How callers authenticate ({@code auth.incoming}).
 *
 * @param type              {@link Type#NONE} (the default: every caller is anonymous) or {@link Type#OAUTH2}
 * @param issuer            the authorization server's issuer; tokens must carry exactly this {@code iss}
 * @param jwksUrl           where the signing keys are; null to find them by OIDC discovery at
 *                          {@code {issuer}/.well-known/openid-configuration}
 * @param audiences         a token's {@code aud} must contain one of these (empty: {@code [resource]})
 * @param resource          the gateway's canonical URI, published in the protected resource metadata
 * @param scopes            scopes every request needs (403 {@code insufficient_scope} without them)
 * @param introspection     RFC 7662 introspection for opaque tokens, or null
 * @param tokenCacheSize    most validated tokens kept in memory
 * @param tokenCacheTtl     longest a validation is reused (never beyond the token's {@code exp})
 * @param keyRefreshMinInterval least time between two JWKS fetches caused by an unknown key id
 * @param clockSkew         tolerance on {@code exp} and {@code nbf}
 * @param requestTimeout    bound on one request to the authorization server (discovery, JWKS, introspection)
 */
public record IncomingAuthOptions(Type type, String issuer, String jwksUrl, List<String> audiences, String resource,
                                  List<String> scopes, Introspection introspection, int tokenCacheSize,
                                  Duration tokenCacheTtl, Duration keyRefreshMinInterval, Duration clockSkew,
                                  Duration requestTimeout) {
  public static final int DEFAULT_TOKEN_CACHE_SIZE = 10_000;
  public static final Duration DEFAULT_TOKEN_CACHE_TTL = Duration.ofSeconds(60);
  public static final Duration DEFAULT_KEY_REFRESH_MIN_INTERVAL = Duration.ofSeconds(5);
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);

  /** The kind of incoming authentication. */
  public enum Type { NONE, OAUTH2 }

  /**
   * RFC 7662 token introspection.
   *
   * @param url          the introspection endpoint
   * @param clientId     the gateway's client id there
   * @param clientSecret its secret (never logged)
   */
  public record Introspection(String url, String clientId, String clientSecret) {
    public Introspection {
      Objects.requireNonNull(url, "url");
    }

    @Override
    public String toString() {
      return "Introspection[url=" + url + ", clientId=" + clientId + ", clientSecret=***]";
    }
  }

  public IncomingAuthOptions {
    type = type == null ? Type.NONE : type;
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
    audiences = audiences == null || audiences.isEmpty()
      ? (resource == null ? List.of() : List.of(resource)) : List.copyOf(audiences);
    tokenCacheSize = tokenCacheSize < 0 ? DEFAULT_TOKEN_CACHE_SIZE : tokenCacheSize;
    tokenCacheTtl = tokenCacheTtl == null ? DEFAULT_TOKEN_CACHE_TTL : tokenCacheTtl;
    keyRefreshMinInterval = keyRefreshMinInterval == null ? DEFAULT_KEY_REFRESH_MIN_INTERVAL : keyRefreshMinInterval;
    clockSkew = clockSkew == null ? DEFAULT_CLOCK_SKEW : clockSkew;
    requestTimeout = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
    if (type == Type.OAUTH2) {
      Objects.requireNonNull(issuer, "issuer");
      Objects.requireNonNull(resource, "resource");
    }
  }

  /** No authentication: every caller is {@link dev.switchboard.core.bus.Identity#ANONYMOUS}. */
  public static IncomingAuthOptions none() {
    return new IncomingAuthOptions(Type.NONE, null, null, null, null, null, null, DEFAULT_TOKEN_CACHE_SIZE, null, null,
      null, null);
  }

  /** OAuth 2.0 with the defaults for everything but the issuer, the resource and the scopes. */
  public static IncomingAuthOptions oauth2(String issuer, String resource, List<String> scopes) {
    return new IncomingAuthOptions(Type.OAUTH2, issuer, null, null, resource, scopes, null, DEFAULT_TOKEN_CACHE_SIZE,
      null, null, null, null);
  }

  public boolean enabled() {
    return type == Type.OAUTH2;
  }

  /**
   * The URL of the protected resource metadata for {@link #resource()} (RFC 9728 §3.1: the well-known path inserted
   * between the host and the resource's path).
   */
  public String metadataUrl() {
    URI uri = URI.create(resource);
    String path = uri.getRawPath() == null || "/".equals(uri.getRawPath()) ? "" : uri.getRawPath();
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    return uri.getScheme() + "://" + uri.getHost() + port + ProtectedResource.WELL_KNOWN + path;
  }
}
