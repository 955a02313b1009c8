package dev.switchboard.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;

/**
 * A {@code redis-server} from the embedded-redis jar, bound to 127.0.0.1 on its own port, without persistence. It can be
 * stopped and started again on the same port. Get one from {@link TestRedis#startEmbedded(String...)}.
 */
public final class EmbeddedRedis implements AutoCloseable {

  private final int port;
  private final RedisServer server;

  EmbeddedRedis(int port, List<String> settings) throws IOException {
    this.port = port;
    RedisServerBuilder builder = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
      .setting("save \"\"").setting("appendonly no");
    settings.forEach(builder::setting);
    this.server = builder.build();
  }

  public int port() {
    return port;
  }

  /** {@code redis://127.0.0.1:<port>}. */
  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** Starts the server; returns once it accepts connections. */
  public void start() {
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the server and waits for its process to end. */
  public void stop() {
    try {
      server.stop();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (server.isActive()) {
      stop();
    }
  }
}
