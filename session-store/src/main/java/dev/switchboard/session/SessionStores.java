package dev.switchboard.session;

import dev.switchboard.session.memory.InMemorySessionStore;
import dev.switchboard.session.redis.RedisSessionStore;
import dev.switchboard.session.redis.RedisStoreOptions;
import io.vertx.core.Vertx;

/** Builds the {@link SessionStore} that {@link SessionStoreOptions#type()} names. */
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
      default -> throw new IllegalArgumentException("sessions.store: must be " + SessionStoreOptions.MEMORY + " or "
        + SessionStoreOptions.REDIS + ", was '" + options.type() + "'");
    };
  }
}
