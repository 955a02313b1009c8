package dev.switchboard.session.redis;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/** The Redis contract against {@code redis:7-alpine} in a container; skipped where there is no Docker. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerRedisSessionStoreTest extends RedisSessionStoreContract {

  @Container
  private static final GenericContainer<?> REDIS =
    new GenericContainer<>(DockerImageName.parse("redis:7-alpine")).withExposedPorts(6379);

  @Override
  protected String redisUrl() {
    return "redis://" + REDIS.getHost() + ":" + REDIS.getMappedPort(6379);
  }
}
