package dev.switchboard.launcher.config;

import dev.switchboard.core.auth.BackendAuthOptions;

import java.util.Locale;
import java.util.Map;

/** Maps {@code backends[].auth:} onto {@link BackendAuthOptions}. */
final class BackendAuthSection {
  private BackendAuthSection() {
  }

  static BackendAuthOptions map(ConfigNode auth, Map<String, String> headers) {
    auth.requireKeys("type", "tokenUrl", "clientId", "clientSecret", "audience", "scopes", "token", "refreshBefore",
      "timeout", "maxCachedTokens");
    String text = auth.get("type").text("none").strip().toLowerCase(Locale.ROOT);
    BackendAuthOptions.Type type = switch (text) {
      case "none" -> BackendAuthOptions.Type.NONE;
      case "bearer" -> BackendAuthOptions.Type.BEARER;
      case "client-credentials" -> BackendAuthOptions.Type.CLIENT_CREDENTIALS;
      case "token-exchange" -> BackendAuthOptions.Type.TOKEN_EXCHANGE;
      default -> throw auth.get("type").fail("must be one of none, bearer, client-credentials, token-exchange, got \""
        + text + "\"");
    };
    if (type == BackendAuthOptions.Type.NONE) {
      return BackendAuthOptions.NONE;
    }
    if (headers.keySet().stream().anyMatch("Authorization"::equalsIgnoreCase)) {
      throw auth.get("type").fail("the backend's headers already set Authorization; use one or the other");
    }
    boolean oauth = type != BackendAuthOptions.Type.BEARER;
    String token = type == BackendAuthOptions.Type.BEARER ? auth.get("token").requiredText() : null;
    if (token != null && (token.isEmpty() || token.chars().anyMatch(c -> c <= 0x20 || c == 0x7f))) {
      throw auth.get("token").fail("must be a non-empty token without spaces or control characters");
    }
    return new BackendAuthOptions(type,
      oauth ? AuthSection.url(auth.get("tokenUrl"), true) : null,
      oauth ? auth.get("clientId").requiredText() : null,
      oauth ? auth.get("clientSecret").requiredText() : null,
      auth.get("audience").text(null),
      AuthSection.strings(auth.get("scopes")),
      token,
      auth.get("refreshBefore").duration(BackendAuthOptions.DEFAULT_REFRESH_BEFORE),
      auth.get("timeout").duration(BackendAuthOptions.DEFAULT_TIMEOUT),
      auth.get("maxCachedTokens").integer(BackendAuthOptions.DEFAULT_MAX_CACHED_TOKENS, 1, 10_000_000));
  }
}
