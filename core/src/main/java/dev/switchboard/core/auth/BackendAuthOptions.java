package dev.switchboard.core.auth;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one backend receives as credentials ({@code backends[].auth}). Secrets never appear in {@link #toString()}.
 *
 * @param type            none, a static bearer token, client credentials, or token exchange
 * @param tokenUrl        the token endpoint (client credentials, token exchange)
 * @param clientId        the gateway's client id there
 * @param clientSecret    its secret (sent with HTTP Basic authentication)
 * @param audience        the audience to ask for (the backend's), or null
 * @param scopes          the scopes to ask for
 * @param token           the static token ({@code bearer})
 * @param refreshBefore   a cached token is renewed this long before it expires
 * @param timeout         bound on one token request
 * @param maxCachedTokens most per-caller tokens (and backend sessions' credentials) kept for this backend
 */
public record BackendAuthOptions(Type type, String tokenUrl, String clientId, String clientSecret, String audience,
                                 List<String> scopes, String token, Duration refreshBefore, Duration timeout,
                                 int maxCachedTokens) {
  public static final Duration DEFAULT_REFRESH_BEFORE = Duration.ofSeconds(30);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  public static final int DEFAULT_MAX_CACHED_TOKENS = 10_000;
  public static final BackendAuthOptions NONE = new BackendAuthOptions(Type.NONE, null, null, null, null, null, null,
    null, null, 0);

  /** The kinds of outgoing credentials. */
  public enum Type {
    /** Nothing beyond the configured {@code headers}. */
    NONE,
    /** A static {@code Authorization: Bearer} token. */
    BEARER,
    /** One token per backend from the OAuth 2.0 client credentials grant, cached and renewed before it expires. */
    CLIENT_CREDENTIALS,
    /** A token per caller from RFC 8693 token exchange, the caller's token as subject token. */
    TOKEN_EXCHANGE
  }

  public BackendAuthOptions {
    type = type == null ? Type.NONE : type;
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
    refreshBefore = refreshBefore == null ? DEFAULT_REFRESH_BEFORE : refreshBefore;
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    maxCachedTokens = maxCachedTokens <= 0 ? DEFAULT_MAX_CACHED_TOKENS : maxCachedTokens;
    switch (type) {
      case BEARER -> Objects.requireNonNull(token, "token");
      case CLIENT_CREDENTIALS, TOKEN_EXCHANGE -> {
        Objects.requireNonNull(tokenUrl, "tokenUrl");
        Objects.requireNonNull(clientId, "clientId");
      }
      default -> { }
    }
  }

  /** True when the credentials depend on who calls (token exchange). */
  public boolean perCaller() {
    return type == Type.TOKEN_EXCHANGE;
  }

  @Override
  public String toString() {
    return "BackendAuthOptions[type=" + type + ", tokenUrl=" + tokenUrl + ", clientId=" + clientId + ", audience="
      + audience + ", scopes=" + scopes + "]";
  }
}
