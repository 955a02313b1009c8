package dev.switchboard.launcher.config;

import dev.switchboard.session.SessionStoreOptions;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/** Maps {@code sessions:} onto {@link SessionStoreOptions}. */
final class SessionsSection {
  private static final List<String> STORES = List.of(SessionStoreOptions.MEMORY, SessionStoreOptions.REDIS);
  private static final List<String> REDIS_SCHEMES = List.of("redis", "rediss");

  private SessionsSection() {
  }

  static SessionStoreOptions map(ConfigNode sessions) {
    sessions.requireKeys("store", "ttl", "sweepInterval", "redis");
    String store = sessions.get("store").text(SessionStoreOptions.MEMORY).strip().toLowerCase(Locale.ROOT);
    if (!STORES.contains(store)) {
      throw sessions.get("store").fail("must be one of " + String.join(", ", STORES) + ", got \""
        + sessions.get("store").text(null) + "\"");
    }
    ConfigNode redis = sessions.get("redis").requireKeys("url", "keyPrefix");
    return new SessionStoreOptions(store,
      sessions.get("ttl").duration(SessionStoreOptions.DEFAULT_TTL),
      sessions.get("sweepInterval").duration(SessionStoreOptions.DEFAULT_SWEEP_INTERVAL),
      redisUrl(redis.get("url")),
      redis.get("keyPrefix").text(SessionStoreOptions.DEFAULT_KEY_PREFIX));
  }

  /** Checks the scheme only; the value is not echoed because a Redis URL often holds a password. */
  private static String redisUrl(ConfigNode node) {
    String url = node.text(SessionStoreOptions.DEFAULT_REDIS_URL);
    if (!hasRedisScheme(url)) {
      throw node.fail("not a Redis URL (expected redis://host:port or rediss://host:port)");
    }
    return url;
  }

  private static boolean hasRedisScheme(String url) {
    try {
      String scheme = new URI(url).getScheme();
      return scheme != null && REDIS_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT));
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
