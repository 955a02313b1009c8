package dev.switchboard.session.redis;

import dev.switchboard.session.ExpiredSession;
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
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A {@link SessionStore} in Redis, shared by every gateway instance that points at the same server and key prefix.
 *
 * <p>One string key per session, {@code <keyPrefix>session:<id>}, holding {@link SessionRecord#toJson()}; Redis keeps
 * the sliding TTL: create is {@code SET NX PX}, update {@code SET XX PX} (the TTL restarts), get {@code GETEX PX}
 * (Redis 6.2 or newer), touch {@code PEXPIRE}, delete {@code DEL}. Expired sessions are found by
 * {@link RedisExpiryIndex} and reported once across instances to the {@link #onExpired} handler.
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
  private final RedisExpiryIndex expiry;

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
    this.expiry = new RedisExpiryIndex(vertx, commands, keyPrefix, ttl, options.sweepInterval());
  }

  @Override
  public Future<Boolean> create(SessionRecord record) {
    return commands.send("create", () -> set(record, "NX"), Objects::nonNull)
      .compose(created -> track(record, created));
  }

  @Override
  public Future<Boolean> update(SessionRecord record) {
    return commands.send("update", () -> set(record, "XX"), Objects::nonNull)
      .compose(updated -> track(record, updated));
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
    // out of the expiry index first: whoever removes the id (this delete or an expiry sweep) ends the session
    return commands.batch("delete", () -> List.of(expiry.untrack(Objects.requireNonNull(id, "id")),
      Request.cmd(Command.DEL).arg(key(id)), expiry.forget(id)),
      replies -> replies.get(0).toInteger() == 1 || replies.get(1).toInteger() == 1);
  }

  @Override
  public Future<Boolean> claim(String id, Duration hold) {
    return commands.send("claim", () -> Request.cmd(Command.SET).arg(keyPrefix + "claim:" + Objects.requireNonNull(id,
      "id")).arg("1").arg("NX").arg("PX").arg(String.valueOf(Math.max(1, hold.toMillis()))), Objects::nonNull);
  }

  @Override
  public void onExpired(Consumer<ExpiredSession> handler) {
    expiry.onExpired(Objects.requireNonNull(handler, "handler"));
  }

  /** One expiry scan now (the periodic one runs every sweep interval once a handler is set). */
  Future<Integer> sweepExpired() {
    return expiry.sweep();
  }

  @Override
  public Duration ttl() {
    return ttl;
  }

  @Override
  public Future<Void> close() {
    expiry.close();
    return commands.close();
  }

  /** Tracks a written record for expiry; the write's own answer stands even if tracking fails (logged). */
  private Future<Boolean> track(SessionRecord record, boolean written) {
    if (!written) {
      return Future.succeededFuture(false);
    }
    return commands.batch("track", () -> expiry.track(record.id(), record.backendSessions()), replies -> true)
      .otherwise(err -> {
        System.getLogger(RedisSessionStore.class.getName()).log(System.Logger.Level.WARNING,
          "could not track a session for expiry: {0}", err.getMessage());
        return true;
      });
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
