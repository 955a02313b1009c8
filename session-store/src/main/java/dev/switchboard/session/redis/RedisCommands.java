package dev.switchboard.session.redis;

import dev.switchboard.session.SessionStoreException;
import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sends commands on one pooled Redis client: each bounded by the command timeout, every failure (refused connection,
 * timeout, full pool, error reply, an answer the caller cannot map) turned into a {@link SessionStoreException} whose
 * message names the operation and the server without its credentials. A bad argument (the request cannot be built)
 * fails the future with its own exception. Nothing is thrown.
 */
final class RedisCommands {

  private final Redis redis;
  private final RedisUrl url;
  private final long timeoutMillis;
  private final String subject;
  private volatile boolean closed;

  /**
   * @param subject what the commands are about, first word of every message, e.g. {@code session}
   */
  RedisCommands(Redis redis, RedisUrl url, long timeoutMillis, String subject) {
    this.redis = redis;
    this.url = url;
    this.timeoutMillis = timeoutMillis;
    this.subject = subject;
  }

  /** Sends one command and maps its reply. */
  <T> Future<T> send(String operation, Supplier<Request> command, Function<Response, T> map) {
    return run(operation, command, redis::send, map);
  }

  /** Sends several commands pipelined on one connection and maps their replies. */
  <T> Future<T> batch(String operation, Supplier<List<Request>> commands, Function<List<Response>, T> map) {
    return run(operation, commands, redis::batch, map);
  }

  boolean closed() {
    return closed;
  }

  /** Closes the pool; later commands fail with a {@link SessionStoreException}. */
  Future<Void> close() {
    if (closed) {
      return Future.succeededFuture();
    }
    closed = true;
    return redis.close().recover(err -> Future.failedFuture(failure("close", err)));
  }

  /** The failure of {@code operation} because of {@code cause}. */
  SessionStoreException failure(String operation, Throwable cause) {
    String why = cause instanceof TimeoutException
      ? "no answer within " + timeoutMillis + " ms"
      : cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    return new SessionStoreException(subject + " " + operation + " failed at Redis " + url + ": " + why, cause);
  }

  private <C, R, T> Future<T> run(String operation, Supplier<C> build, Function<C, Future<R>> sender,
                                  Function<R, T> map) {
    if (closed) {
      return Future.failedFuture(new SessionStoreException("the Redis client of the " + subject + " is closed", null));
    }
    C command;
    try {
      command = build.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    Future<R> reply;
    try {
      reply = sender.apply(command).timeout(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      return Future.failedFuture(failure(operation, e));
    }
    return reply.transform(ar -> {
      if (ar.failed()) {
        return Future.failedFuture(failure(operation, ar.cause()));
      }
      try {
        return Future.succeededFuture(map.apply(ar.result()));
      } catch (RuntimeException e) {
        return Future.failedFuture(new SessionStoreException(
          subject + " " + operation + ": unexpected answer from Redis at " + url + ": " + e.getMessage(), e));
      }
    });
  }
}
