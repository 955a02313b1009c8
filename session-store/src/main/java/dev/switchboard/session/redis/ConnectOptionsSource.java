package dev.switchboard.session.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.RedisStandaloneConnectOptions;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Gives the Redis client its connect options, reading the password file without blocking. The client asks before every
 * command; the answer is computed once and kept, unless it failed (a missing file is read again next time).
 */
final class ConnectOptionsSource implements Supplier<Future<RedisStandaloneConnectOptions>> {

  private final Vertx vertx;
  private final RedisOptions options;
  private final String passwordFile;
  private final AtomicReference<Future<RedisStandaloneConnectOptions>> resolved = new AtomicReference<>();

  ConnectOptionsSource(Vertx vertx, RedisOptions options, String passwordFile) {
    this.vertx = vertx;
    this.options = options;
    this.passwordFile = passwordFile;
  }

  @Override
  public Future<RedisStandaloneConnectOptions> get() {
    Future<RedisStandaloneConnectOptions> current = resolved.get();
    if (current != null && !current.failed()) {
      return current;
    }
    Future<RedisStandaloneConnectOptions> next = resolve();
    resolved.compareAndSet(current, next);
    return next;
  }

  private Future<RedisStandaloneConnectOptions> resolve() {
    RedisStandaloneConnectOptions connect = new RedisStandaloneConnectOptions(options);
    if (passwordFile == null) {
      return Future.succeededFuture(connect);
    }
    return vertx.fileSystem().readFile(passwordFile)
      .recover(err -> Future.failedFuture(
        new IllegalStateException("cannot read sessions.redis.passwordFile " + passwordFile, err)))
      .compose(content -> {
        String password = content.toString(StandardCharsets.UTF_8).strip();
        if (password.isEmpty()) {
          return Future.failedFuture(new IllegalStateException("sessions.redis.passwordFile " + passwordFile
            + " is empty"));
        }
        return Future.succeededFuture(connect.setPassword(password));
      });
  }
}
