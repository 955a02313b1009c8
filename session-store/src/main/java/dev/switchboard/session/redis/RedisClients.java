package dev.switchboard.session.redis;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;

/** Builds the Redis clients of the store, the event log and the signals. */
final class RedisClients {

  private RedisClients() {
  }

  /** @throws IllegalArgumentException when the password is given twice */
  static Redis create(Vertx vertx, RedisUrl url, RedisStoreOptions options) {
    if (url.hasPassword() && (options.password() != null || options.passwordFile() != null)) {
      throw new IllegalArgumentException(
        "sessions.redis.password: the URL already holds a password; give it in one place only");
    }
    RedisOptions redisOptions = new RedisOptions()
      .setType(RedisClientType.STANDALONE)
      .setConnectionString(url.value())
      .setNetClientOptions(netClientOptions(url, options))
      .setMaxPoolSize(options.poolSize())
      .setMaxPoolWaiting(options.maxWaiting())
      .setMaxWaitingHandlers(options.maxWaitingHandlers());
    if (options.password() != null) {
      redisOptions.setPassword(options.password());
    }
    return Redis.createStandaloneClient(vertx, redisOptions,
      new ConnectOptionsSource(vertx, redisOptions, options.passwordFile()));
  }

  /**
   * A client of one connection for a subscriber: the same server, credentials and TLS as {@link #create}, but a pool
   * of one that no command shares.
   */
  static Redis createDedicated(Vertx vertx, RedisUrl url, RedisStoreOptions options) {
    return create(vertx, url, new RedisStoreOptions(1, 1, options.maxWaitingHandlers(), options.commandTimeout(),
      options.password(), options.passwordFile(), options.trustFile()));
  }

  private static NetClientOptions netClientOptions(RedisUrl url, RedisStoreOptions options) {
    NetClientOptions net = new NetClientOptions()
      .setConnectTimeout((int) options.commandTimeout().toMillis())
      .setTcpNoDelay(true)
      .setTcpKeepAlive(true);
    if (url.tls()) {
      net.setSsl(true).setHostnameVerificationAlgorithm("HTTPS");
      if (options.trustFile() != null) {
        net.setTrustOptions(new PemTrustOptions().addCertPath(options.trustFile()));
      }
    }
    return net;
  }
}
