package dev.switchboard.session.redis;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Keeps one dedicated Redis connection subscribed to one channel, for as long as it is open: when the connection
 * cannot be opened or is lost (Redis restarted, network gone), it tries again after a delay that starts at the
 * minimum backoff and doubles up to the maximum, and subscribes again. Every state change runs on one context, so the
 * fields need no locks.
 */
final class RedisSubscriber {
  private static final System.Logger LOG = System.getLogger(RedisSubscriber.class.getName());

  private final Context context;
  private final Redis client;
  private final String channel;
  private final long minBackoffMillis;
  private final long maxBackoffMillis;
  private final long timeoutMillis;
  private final Handler<Buffer> onMessage;
  private final Runnable onResubscribed;

  private RedisConnection connection;
  private Promise<Void> ready = Promise.promise();
  private volatile boolean subscribed;
  private volatile int failedAttempts;
  private boolean everSubscribed;
  private boolean closed;
  private long backoffMillis;
  private long timer = -1;

  /**
   * @param client         a client of its own (see {@link RedisClients#createDedicated}); closed with this subscriber
   * @param timeout        longest wait for a connection, and for the confirmation of the subscription
   * @param onMessage      gets each message's payload, on {@code context}
   * @param onResubscribed runs on {@code context} each time the subscription is back after a gap
   */
  RedisSubscriber(Context context, Redis client, String channel, Duration minBackoff, Duration maxBackoff,
                  Duration timeout, Handler<Buffer> onMessage, Runnable onResubscribed) {
    this.context = context;
    this.client = client;
    this.channel = channel;
    this.minBackoffMillis = Math.max(1, minBackoff.toMillis());
    this.maxBackoffMillis = Math.max(minBackoffMillis, maxBackoff.toMillis());
    this.timeoutMillis = timeout.toMillis();
    this.onMessage = onMessage;
    this.onResubscribed = onResubscribed;
    this.backoffMillis = minBackoffMillis;
  }

  /** Opens the connection and subscribes, in the background. */
  void start() {
    context.runOnContext(v -> connect());
  }

  /** Completes when the channel is subscribed: now, or once the current (re)connection succeeds. */
  Future<Void> subscribed() {
    Promise<Void> result = Promise.promise();
    context.runOnContext(v -> ready.future().onComplete(result));
    return result.future();
  }

  boolean isSubscribed() {
    return subscribed;
  }

  /** Connections or subscriptions that failed so far (each is retried after the backoff). */
  int failedAttempts() {
    return failedAttempts;
  }

  /** Stops trying, closes the connection and the client. */
  Future<Void> close() {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      closed = true;
      subscribed = false;
      if (timer != -1) {
        context.owner().cancelTimer(timer);
      }
      ready.tryFail("subscriber closed");
      RedisConnection open = connection;
      connection = null;
      Future<Void> closing = open == null ? Future.succeededFuture() : open.close();
      closing.eventually(client::close).onComplete(done);
    });
    return done.future();
  }

  private void connect() {
    timer = -1;
    if (closed) {
      return;
    }
    Future<RedisConnection> opening = client.connect();
    opening.timeout(timeoutMillis, TimeUnit.MILLISECONDS).onComplete(ar -> {
      if (ar.failed()) {
        opening.onSuccess(RedisConnection::close);
        retry("cannot connect", ar.cause());
        return;
      }
      RedisConnection conn = ar.result();
      if (closed) {
        conn.close();
        return;
      }
      connection = conn;
      conn.handler(this::onPush);
      conn.exceptionHandler(err -> lost(conn, "connection failed", err));
      conn.endHandler(v -> lost(conn, "connection closed", null));
      conn.send(Request.cmd(Command.SUBSCRIBE).arg(channel))
        .onFailure(err -> lost(conn, "cannot subscribe", err));
      context.owner().setTimer(timeoutMillis, t -> {
        if (connection == conn && !subscribed) {
          lost(conn, "no subscription confirmed within " + timeoutMillis + " ms", null);
        }
      });
    });
  }

  private void onPush(Response push) {
    if (push == null || push.size() < 3) {
      return;
    }
    String kind = push.get(0).toString();
    if ("message".equals(kind) && channel.equals(push.get(1).toString())) {
      onMessage.handle(push.get(2).toBuffer());
    } else if ("subscribe".equals(kind) && channel.equals(push.get(1).toString())) {
      confirmed();
    }
  }

  private void confirmed() {
    if (closed || subscribed) {
      return;
    }
    subscribed = true;
    backoffMillis = minBackoffMillis;
    ready.tryComplete();
    if (everSubscribed) {
      LOG.log(System.Logger.Level.INFO, "subscribed to Redis channel {0} again", channel);
      onResubscribed.run();
    }
    everSubscribed = true;
  }

  private void lost(RedisConnection conn, String why, Throwable cause) {
    if (conn != connection) {
      return;
    }
    connection = null;
    if (subscribed) {
      subscribed = false;
      ready = Promise.promise();
    }
    conn.close();
    retry(why, cause);
  }

  private void retry(String why, Throwable cause) {
    if (closed) {
      return;
    }
    failedAttempts++;
    long delay = backoffMillis;
    backoffMillis = Math.min(maxBackoffMillis, backoffMillis * 2);
    LOG.log(delay == minBackoffMillis ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG, "Redis channel {0}: {1}{2}; trying again in {3} ms", channel, why,
      cause == null ? "" : " (" + cause.getMessage() + ")", delay);
    timer = context.owner().setTimer(delay, t -> connect());
  }
}
