package dev.switchboard.session.redis;

import dev.switchboard.session.SessionSignals;
import dev.switchboard.session.SessionStoreException;
import dev.switchboard.session.SessionStoreOptions;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.Objects;

/**
 * {@link SessionSignals} over Redis pub/sub, on the channel {@code <keyPrefix>signals}: every instance on the same
 * server and key prefix receives every signal, its own included.
 *
 * <p>Publishing ({@code PUBLISH}) goes through a pooled client; a failure is a {@link SessionStoreException}. Receiving
 * uses one dedicated connection in subscribe mode, opened at construction and reopened by itself, with a backoff from
 * {@link #DEFAULT_MIN_BACKOFF} doubling to {@link #DEFAULT_MAX_BACKOFF}, whenever it is lost. Signals published while
 * an instance is not subscribed never reach it; once it is subscribed again it delivers a local
 * {@link SessionSignals#MISSED} signal so that the gateway can check its caches. The handler runs on the context this
 * object was created on.
 */
public final class RedisSessionSignals implements SessionSignals {
  public static final Duration DEFAULT_MIN_BACKOFF = Duration.ofMillis(100);
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(5);
  private static final System.Logger LOG = System.getLogger(RedisSessionSignals.class.getName());

  private final Context context;
  private final String channel;
  private final RedisCommands commands;
  private final RedisSubscriber subscriber;
  private volatile Handler<Signal> handler;

  /** Signals with the default backoff. */
  public RedisSessionSignals(Vertx vertx, SessionStoreOptions options, RedisStoreOptions redisOptions) {
    this(vertx, options, redisOptions, DEFAULT_MIN_BACKOFF, DEFAULT_MAX_BACKOFF);
  }

  /**
   * Starts subscribing at once, in the background ({@link #subscribed()} tells when it is done).
   *
   * @throws IllegalArgumentException naming the configuration key of a bad value
   */
  public RedisSessionSignals(Vertx vertx, SessionStoreOptions options, RedisStoreOptions redisOptions,
                             Duration minBackoff, Duration maxBackoff) {
    Objects.requireNonNull(vertx, "vertx");
    this.context = vertx.getOrCreateContext();
    this.channel = options.keyPrefix() + "signals";
    RedisUrl url = RedisUrl.parse(options.redisUrl());
    this.commands = new RedisCommands(RedisClients.create(vertx, url, redisOptions), url,
      redisOptions.commandTimeout().toMillis(), "signal");
    this.subscriber = new RedisSubscriber(context, RedisClients.createDedicated(vertx, url, redisOptions), channel,
      minBackoff, maxBackoff, redisOptions.commandTimeout(), this::received, this::resubscribed);
    subscriber.start();
  }

  @Override
  public Future<Void> publish(Signal signal) {
    return commands.send("publish", () -> Request.cmd(Command.PUBLISH).arg(channel).arg(SignalCodec.encode(signal)),
      receivers -> null);
  }

  @Override
  public boolean shared() {
    return true;
  }

  @Override
  public void handler(Handler<Signal> handler) {
    this.handler = handler;
  }

  /** Completes once this instance is subscribed (at once when it is); fails when closed first. */
  public Future<Void> subscribed() {
    return subscriber.subscribed();
  }

  /** True while the subscription is up: signals published now reach this instance. */
  public boolean isSubscribed() {
    return subscriber.isSubscribed();
  }

  /** Subscription attempts that failed so far (tests wait on it rather than on the clock). */
  int failedAttempts() {
    return subscriber.failedAttempts();
  }

  /** The Redis channel, {@code <keyPrefix>signals}. */
  public String channel() {
    return channel;
  }

  @Override
  public Future<Void> close() {
    handler = null;
    return subscriber.close().eventually(commands::close);
  }

  private void received(Buffer payload) {
    Signal signal;
    try {
      signal = SignalCodec.decode(payload);
    } catch (IllegalArgumentException e) {
      LOG.log(System.Logger.Level.WARNING, "dropped a message on Redis channel {0}: {1}", channel, e.getMessage());
      return;
    }
    deliver(signal);
  }

  private void resubscribed() {
    deliver(new Signal(null, MISSED, new JsonObject()));
  }

  private void deliver(Signal signal) {
    Handler<Signal> current = handler;
    if (current == null) {
      return;
    }
    if (Vertx.currentContext() == context) {
      handle(current, signal);
    } else {
      context.runOnContext(v -> handle(current, signal));
    }
  }

  private void handle(Handler<Signal> current, Signal signal) {
    try {
      current.handle(signal);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "the signal handler failed on a " + signal.type() + " signal", e);
    }
  }
}
