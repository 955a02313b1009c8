package dev.switchboard.session.redis;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A checked Redis connection string.
 *
 * @param value       the URL as given, credentials included
 * @param redacted    the URL without credentials or query, for messages
 * @param tls         {@code rediss://}
 * @param hasPassword the URL carries a password (user info or {@code ?password=})
 */
record RedisUrl(String value, String redacted, boolean tls, boolean hasPassword) {

  private static final String KEY = "sessions.redis.url";

  /** @throws IllegalArgumentException naming {@code sessions.redisUrl}; the message never holds the password */
  static RedisUrl parse(String value) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(KEY + ": not a URL (expected redis://[:password@]host[:port][/db])");
    }
    String scheme = uri.getScheme();
    if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
      throw new IllegalArgumentException(KEY + ": scheme must be redis or rediss, was " + scheme);
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException(KEY + ": no host (expected redis://[:password@]host[:port][/db])");
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    if (!path.isEmpty() && !path.matches("/\\d*")) {
      throw new IllegalArgumentException(KEY + ": the path must be a database number, was " + path);
    }
    String redacted = scheme + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + path;
    return new RedisUrl(value, redacted, "rediss".equals(scheme), hasPassword(uri));
  }

  private static boolean hasPassword(URI uri) {
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null && userInfo.indexOf(':') >= 0 && userInfo.indexOf(':') < userInfo.length() - 1) {
      return true;
    }
    String query = uri.getRawQuery();
    return query != null && ("&" + query).contains("&password=");
  }

  @Override
  public String toString() {
    return redacted;
  }
}
