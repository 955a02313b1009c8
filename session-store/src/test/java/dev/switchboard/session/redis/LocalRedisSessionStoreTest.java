package dev.switchboard.session.redis;

import dev.switchboard.session.TestRedis;

/** The Redis contract against the Redis {@link TestRedis} finds or starts on this machine. */
class LocalRedisSessionStoreTest extends RedisSessionStoreContract {

  @Override
  protected String redisUrl() {
    return TestRedis.url();
  }
}
