package dev.switchboard.session;

import dev.switchboard.session.memory.InMemoryEventLog;
import dev.switchboard.session.memory.InMemorySessionStore;
import dev.switchboard.session.memory.LocalSessionSignals;
import dev.switchboard.session.redis.RedisEventLog;
import dev.switchboard.session.redis.RedisSessionSignals;
import dev.switchboard.session.redis.RedisSessionStore;
import dev.switchboard.session.redis.RedisStoreOptions;
import io.vertx.core.Vertx;

/**
 * Builds the {@link SessionStore}, {@link EventLog} and {@link SessionSignals} that {@link SessionStoreOptions#type()}
 * names: in-memory ones for one process, or Redis ones shared by every instance on the same server and key prefix.
 * Each Redis object opens its own connections; close each one when done.
 */
public final class SessionStores {

  private SessionStores() {
  }

  /**
   * The store of {@code options.type()}: {@value SessionStoreOptions#MEMORY} or {@value SessionStoreOptions#REDIS}
   * (with default {@link RedisStoreOptions}).
   *
   * @throws IllegalArgumentException naming the configuration key ({@code sessions.store}, ...) of a bad value
   */
  public static SessionStore create(Vertx vertx, SessionStoreOptions options) {
    return create(vertx, options, RedisStoreOptions.defaults());
  }

  /**
   * The store of {@code options.type()}; {@code redis} tunes the Redis store and is ignored by the memory store.
   *
   * @throws IllegalArgumentException naming the configuration key ({@code sessions.store}, ...) of a bad value
   */
  public static SessionStore create(Vertx vertx, SessionStoreOptions options, RedisStoreOptions redis) {
    return switch (options.type()) {
      case SessionStoreOptions.MEMORY -> new InMemorySessionStore(vertx, options);
      case SessionStoreOptions.REDIS -> new RedisSessionStore(vertx, options, redis);
      default -> throw unknownType(options);
    };
  }

  /** The event log of {@code options.type()}, with default {@link RedisStoreOptions} for Redis. */
  public static EventLog eventLog(Vertx vertx, SessionStoreOptions options) {
    return eventLog(vertx, options, RedisStoreOptions.defaults());
  }

  /**
   * The event log of {@code options.type()}, keeping {@link EventLog#DEFAULT_MAX_EVENTS_PER_STREAM} events per stream;
   * {@code redis} tunes the Redis log and is ignored by the memory log.
   *
   * @throws IllegalArgumentException naming the configuration key of a bad value
   */
  public static EventLog eventLog(Vertx vertx, SessionStoreOptions options, RedisStoreOptions redis) {
    return switch (options.type()) {
      case SessionStoreOptions.MEMORY -> new InMemoryEventLog(vertx, options.ttl());
      case SessionStoreOptions.REDIS -> new RedisEventLog(vertx, options, redis);
      default -> throw unknownType(options);
    };
  }

  /** The signals of {@code options.type()}, with default {@link RedisStoreOptions} for Redis. */
  public static SessionSignals signals(Vertx vertx, SessionStoreOptions options) {
    return signals(vertx, options, RedisStoreOptions.defaults());
  }

  /**
   * The signals of {@code options.type()}: {@link LocalSessionSignals} for memory (one instance), Redis pub/sub for
   * Redis, subscribing at once; {@code redis} is ignored by the memory variant.
   *
   * @throws IllegalArgumentException naming the configuration key of a bad value
   */
  public static SessionSignals signals(Vertx vertx, SessionStoreOptions options, RedisStoreOptions redis) {
    return switch (options.type()) {
      case SessionStoreOptions.MEMORY -> new LocalSessionSignals(vertx);
      case SessionStoreOptions.REDIS -> new RedisSessionSignals(vertx, options, redis);
      default -> throw unknownType(options);
    };
  }

  private static IllegalArgumentException unknownType(SessionStoreOptions options) {
    return new IllegalArgumentException("sessions.store: must be " + SessionStoreOptions.MEMORY + " or "
      + SessionStoreOptions.REDIS + ", was '" + options.type() + "'");
  }
}
