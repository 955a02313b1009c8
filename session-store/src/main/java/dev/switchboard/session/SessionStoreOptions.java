package dev.switchboard.session;

import java.time.Duration;

/**
 * Session-store configuration.
 *
 * @param type          {@code memory} or {@code redis}
 * @param ttl           sliding time to live of a session
 * @param sweepInterval how often expired records are looked for (in memory: dropped; Redis: the expiry index scanned)
 * @param redisUrl      for {@code redis}: e.g. {@code redis://127.0.0.1:6379/0}
 * @param keyPrefix     for {@code redis}: prefix of every key
 */
public record SessionStoreOptions(String type, Duration ttl, Duration sweepInterval, String redisUrl,
                                  String keyPrefix) {
  public static final String MEMORY = "memory";
  public static final String REDIS = "redis";
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(30);
  public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofSeconds(30);
  public static final String DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";
  public static final String DEFAULT_KEY_PREFIX = "switchboard:";

  public SessionStoreOptions {
    type = type == null ? MEMORY : type;
    ttl = ttl == null ? DEFAULT_TTL : ttl;
    sweepInterval = sweepInterval == null ? DEFAULT_SWEEP_INTERVAL : sweepInterval;
    redisUrl = redisUrl == null ? DEFAULT_REDIS_URL : redisUrl;
    keyPrefix = keyPrefix == null ? DEFAULT_KEY_PREFIX : keyPrefix;
  }

  public static SessionStoreOptions defaults() {
    return new SessionStoreOptions(null, null, null, null, null);
  }

  /** Never shows a password held in {@code redisUrl}. */
  @Override
  public String toString() {
    return "SessionStoreOptions[type=" + type + ", ttl=" + ttl + ", sweepInterval=" + sweepInterval + ", redisUrl="
      + redisUrl.replaceFirst("//([^/@]*?):[^/@]*@", "//$1:***@").replaceFirst("([?&]password=)[^&]*", "$1***")
      + ", keyPrefix=" + keyPrefix + "]";
  }
}
