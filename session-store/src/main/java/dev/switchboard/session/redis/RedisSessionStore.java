package dev.switchboard.session.redis;

import dev.switchboard.session.SessionRecord;
import dev.switchboard.session.SessionStore;
import dev.switchboard.session.SessionStoreException;
import dev.switchboard.session.SessionStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.Objects;

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

  private final RedisCommands commands;
  private final String keyPrefix;
  private final Duration ttl;
  private final String ttlMillis;

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
    RedisUrl url = RedisUrl.parse(options.redisUrl());
    this.commands = new RedisCommands(RedisClients.create(vertx, url, redisOptions), url,
      redisOptions.commandTimeout().toMillis(), "session");
  }

  @Override
  public Future<Boolean> create(SessionRecord record) {
    return commands.send("create", () -> set(record, "NX"), Objects::nonNull);
  }

  @Override
  public Future<Boolean> update(SessionRecord record) {
    return commands.send("update", () -> set(record, "XX"), Objects::nonNull);
  }

  @Override
  public Future<SessionRecord> get(String id) {
    return commands.send("get", () -> Request.cmd(Command.GETEX).arg(key(id)).arg("PX").arg(ttlMillis),
      RedisSessionStore::decode);
  }

  @Override
  public Future<Boolean> touch(String id) {
    return commands.send("touch", () -> Request.cmd(Command.PEXPIRE).arg(key(id)).arg(ttlMillis),
      r -> r.toInteger() == 1);
  }

  @Override
  public Future<Boolean> delete(String id) {
    return commands.send("delete", () -> Request.cmd(Command.DEL).arg(key(id)), r -> r.toInteger() == 1);
  }

  @Override
  public Future<Boolean> claim(String id, Duration hold) {
    return commands.send("claim", () -> Request.cmd(Command.SET).arg(keyPrefix + "claim:" + Objects.requireNonNull(id,
      "id")).arg("1").arg("NX").arg("PX").arg(String.valueOf(Math.max(1, hold.toMillis()))), Objects::nonNull);
  }

  @Override
  public Duration ttl() {
    return ttl;
  }

  @Override
  public Future<Void> close() {
    return commands.close();
  }

  private Request set(SessionRecord record, String condition) {
    return Request.cmd(Command.SET).arg(key(record.id())).arg(record.toJson().encode())
      .arg(condition).arg("PX").arg(ttlMillis);
  }

  private String key(String id) {
    return keyPrefix + "session:" + Objects.requireNonNull(id, "id");
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
