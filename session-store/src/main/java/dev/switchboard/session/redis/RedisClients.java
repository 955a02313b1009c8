package dev.switchboard.session.redis;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;

/** Builds the pooled Redis client of a {@link RedisSessionStore}. */
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
