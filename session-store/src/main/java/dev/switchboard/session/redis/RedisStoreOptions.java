package dev.switchboard.session.redis;

import java.time.Duration;

/**
 * Tuning and credentials of the Redis store; every {@code null} takes its {@code DEFAULT_*}.
 *
 * <p>The password can come from the URL ({@code redis://:pw@host:6379/0}), from {@code password}, or from
 * {@code passwordFile} (read asynchronously when the first connection opens, trailing whitespace stripped): exactly one
 * of them. For {@code rediss://} URLs the server certificate is checked against the JVM's trusted CAs, or against the
 * PEM certificates in {@code trustFile}, and its host name is verified.
 *
 * @param poolSize           most connections held open to Redis
 * @param maxWaiting         most commands waiting for a free connection; past it a command fails at once
 * @param maxWaitingHandlers most commands in flight on one connection
 * @param commandTimeout     longest wait for a connection plus a reply; past it the command fails
 * @param password           the Redis password, or null
 * @param passwordFile       a file holding the Redis password, or null
 * @param trustFile          for {@code rediss://}: PEM file of trusted CA certificates, or null for the JVM's
 */
public record RedisStoreOptions(Integer poolSize, Integer maxWaiting, Integer maxWaitingHandlers,
                                Duration commandTimeout, String password, String passwordFile, String trustFile) {
  public static final int DEFAULT_POOL_SIZE = 8;
  public static final int DEFAULT_MAX_WAITING = 64;
  public static final int DEFAULT_MAX_WAITING_HANDLERS = 256;
  public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(2);

  /** @throws IllegalArgumentException naming the {@code sessions.redis.*} key of a bad value */
  public RedisStoreOptions {
    poolSize = positive(poolSize, DEFAULT_POOL_SIZE, "poolSize");
    maxWaiting = positive(maxWaiting, DEFAULT_MAX_WAITING, "maxWaiting");
    maxWaitingHandlers = positive(maxWaitingHandlers, DEFAULT_MAX_WAITING_HANDLERS, "maxWaitingHandlers");
    commandTimeout = commandTimeout == null ? DEFAULT_COMMAND_TIMEOUT : commandTimeout;
    if (commandTimeout.toMillis() < 1 || commandTimeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("sessions.redis.commandTimeout: must be between 1 ms and 24 days, was "
        + commandTimeout);
    }
    if (password != null && passwordFile != null) {
      throw new IllegalArgumentException("sessions.redis.password: give a password or a passwordFile, not both");
    }
  }

  public static RedisStoreOptions defaults() {
    return new RedisStoreOptions(null, null, null, null, null, null, null);
  }

  /** Same options with another password. */
  public RedisStoreOptions withPassword(String password) {
    return new RedisStoreOptions(poolSize, maxWaiting, maxWaitingHandlers, commandTimeout, password, null, trustFile);
  }

  /** Same options with another password file. */
  public RedisStoreOptions withPasswordFile(String passwordFile) {
    return new RedisStoreOptions(poolSize, maxWaiting, maxWaitingHandlers, commandTimeout, null, passwordFile,
      trustFile);
  }

  /** Never shows the password. */
  @Override
  public String toString() {
    return "RedisStoreOptions[poolSize=" + poolSize + ", maxWaiting=" + maxWaiting + ", maxWaitingHandlers="
      + maxWaitingHandlers + ", commandTimeout=" + commandTimeout + ", password=" + (password == null ? null : "***")
      + ", passwordFile=" + passwordFile + ", trustFile=" + trustFile + "]";
  }

  private static int positive(Integer value, int fallback, String key) {
    if (value == null) {
      return fallback;
    }
    if (value < 1) {
      throw new IllegalArgumentException("sessions.redis." + key + ": must be at least 1, was " + value);
    }
    return value;
  }
}
