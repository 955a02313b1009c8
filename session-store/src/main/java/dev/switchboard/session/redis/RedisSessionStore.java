package dev.switchboard.session.redis;

import dev.switchboard.session.SessionRecord;
import dev.switchboard.session.SessionStore;
import dev.switchboard.session.SessionStoreException;
import dev.switchboard.session.SessionStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A {@link SessionStore} in Redis, shared by every gateway instance that points at the same server and key prefix.
 *
 * <p>One string key per session, {@code <keyPrefix>session:<id>}, holding {@link SessionRecord#toJson()}; Redis keeps
 * the sliding TTL: create is {@code SET NX PX}, update {@code SET XX PX} (the TTL restarts), get {@code GETEX PX}
 * (Redis 6.2 or newer), touch {@code PEXPIRE}, delete {@code DEL}.
 *
 * <p>Commands go through a bounded pool that reconnects by itself when Redis comes back. Every failure (refused
 * connection, no reply within {@link RedisStoreOptions#commandTimeout()}, pool exhausted, a value that is not a session
 * record, an error reply) fails the future with {@link SessionStoreException}; nothing is thrown (a null argument
 * fails the future with {@link NullPointerException}). Messages name the server without its credentials.
 */
public final class RedisSessionStore implements SessionStore {

  private final Redis redis;
  private final RedisUrl url;
  private final String keyPrefix;
  private final Duration ttl;
  private final String ttlMillis;
  private final long timeoutMillis;
  private volatile boolean closed;

  /** A store with the default {@link RedisStoreOptions}. */
  public RedisSessionStore(Vertx vertx, SessionStoreOptions options) {
    this(vertx, options, RedisStoreOptions.defaults());
  }

  /**
   * A store on {@link SessionStoreOptions#redisUrl()}; no connection is opened before the first command.
   *
   * @throws IllegalArgumentException naming the configuration key of a bad value
   */
  public RedisSessionStore(Vertx vertx, SessionStoreOptions options, RedisStoreOptions redisOptions) {
    Objects.requireNonNull(vertx, "vertx");
    this.ttl = options.ttl();
    if (ttl.toMillis() < 1) {
      throw new IllegalArgumentException("sessions.ttl: must be at least 1 ms, was " + ttl);
    }
    this.ttlMillis = Long.toString(ttl.toMillis());
    this.keyPrefix = options.keyPrefix();
    this.url = RedisUrl.parse(options.redisUrl());
    this.timeoutMillis = redisOptions.commandTimeout().toMillis();
    this.redis = RedisClients.create(vertx, url, redisOptions);
  }

  @Override
  public Future<Boolean> create(SessionRecord record) {
    return send("create", () -> set(record, "NX"), Objects::nonNull);
  }

  @Override
  public Future<Boolean> update(SessionRecord record) {
    return send("update", () -> set(record, "XX"), Objects::nonNull);
  }

  @Override
  public Future<SessionRecord> get(String id) {
    return send("get", () -> Request.cmd(Command.GETEX).arg(key(id)).arg("PX").arg(ttlMillis),
      RedisSessionStore::decode);
  }

  @Override
  public Future<Boolean> touch(String id) {
    return send("touch", () -> Request.cmd(Command.PEXPIRE).arg(key(id)).arg(ttlMillis), r -> r.toInteger() == 1);
  }

  @Override
  public Future<Boolean> delete(String id) {
    return send("delete", () -> Request.cmd(Command.DEL).arg(key(id)), r -> r.toInteger() == 1);
  }

  @Override
  public Duration ttl() {
    return ttl;
  }

  @Override
  public Future<Void> close() {
    if (closed) {
      return Future.succeededFuture();
    }
    closed = true;
    return redis.close().recover(err -> Future.failedFuture(failure("close", err)));
  }

  private Request set(SessionRecord record, String condition) {
    return Request.cmd(Command.SET).arg(key(record.id())).arg(record.toJson().encode())
      .arg(condition).arg("PX").arg(ttlMillis);
  }

  private String key(String id) {
    return keyPrefix + "session:" + Objects.requireNonNull(id, "id");
  }

  /**
   * Sends one command, bounds its time, and maps both the reply and every failure. A bad argument (a null id, a record
   * that cannot be encoded) fails the future with its own exception.
   */
  private <T> Future<T> send(String operation, Supplier<Request> command, Function<Response, T> map) {
    if (closed) {
      return Future.failedFuture(new SessionStoreException("session store is closed", null));
    }
    Request request;
    try {
      request = command.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    Future<Response> reply;
    try {
      reply = redis.send(request).timeout(timeoutMillis, TimeUnit.MILLISECONDS);
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
          "session " + operation + ": unexpected answer from Redis at " + url + ": " + e.getMessage(), e));
      }
    });
  }

  private SessionStoreException failure(String operation, Throwable cause) {
    String why = cause instanceof TimeoutException
      ? "no answer within " + timeoutMillis + " ms"
      : cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    return new SessionStoreException("session " + operation + " failed at Redis " + url + ": " + why, cause);
  }

  private static SessionRecord decode(Response value) {
    if (value == null) {
      return null;
    }
    try {
      return SessionRecord.fromJson(new JsonObject(value.toBuffer()));
    } catch (RuntimeException e) {
      throw new IllegalStateException("the stored value is not a session record", e);
    }
  }
}
