package dev.switchboard.session.redis;

import dev.switchboard.session.ExpiredSession;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Finds sessions whose Redis key expired, once across every instance, without keyspace notifications.
 *
 * <ul>
 *   <li>{@code <prefix>expiry}: a sorted set of session ids scored by when their key is due to expire (epoch ms,
 *       refreshed when a record is written);</li>
 *   <li>{@code <prefix>expiring}: a hash of session id to its backend sessions (JSON), written when a record with
 *       backend sessions is stored.</li>
 * </ul>
 * Every instance scans the ids that are due. An id whose key still lives (its TTL slid through {@code GETEX} or
 * {@code PEXPIRE}) is scored again from its {@code PTTL}; an id whose key is gone is claimed with {@code ZREM}, which
 * only one caller can win: the winner reads and drops the backend sessions and reports the expiry. A delete removes
 * the id from the set before it deletes the key, so a deleted session is never reported.
 */
final class RedisExpiryIndex {
  private static final System.Logger LOG = System.getLogger(RedisExpiryIndex.class.getName());
  private static final int BATCH = 256;
  /** Batches per sweep at most, so that one sweep ends even when sessions expire faster than it claims them. */
  private static final int MAX_BATCHES = 64;

  private final Vertx vertx;
  private final RedisCommands commands;
  private final String prefix;
  private final String zset;
  private final String hash;
  private final long ttlMillis;
  private final long sweepMillis;
  private volatile Consumer<ExpiredSession> handler;
  private volatile long timer = -1;
  private volatile boolean sweeping;

  RedisExpiryIndex(Vertx vertx, RedisCommands commands, String prefix, Duration ttl, Duration sweepInterval) {
    this.vertx = vertx;
    this.commands = commands;
    this.prefix = prefix;
    this.zset = prefix + "expiry";
    this.hash = prefix + "expiring";
    this.ttlMillis = ttl.toMillis();
    this.sweepMillis = Math.max(1, sweepInterval.toMillis());
  }

  /** The commands that track a record just written (its key now expires one TTL from now). */
  List<Request> track(String id, Map<String, String> backendSessions) {
    List<Request> requests = new ArrayList<>(2);
    requests.add(Request.cmd(Command.ZADD).arg(zset).arg(System.currentTimeMillis() + ttlMillis).arg(id));
    if (!backendSessions.isEmpty()) {
      requests.add(Request.cmd(Command.HSET).arg(hash).arg(id).arg(new JsonObject(Map.copyOf(backendSessions))
        .encode()));
    }
    return requests;
  }

  /** The command that takes a session out of the index before its key is deleted: replies 1 to the one that won. */
  Request untrack(String id) {
    return Request.cmd(Command.ZREM).arg(zset).arg(id);
  }

  /** The command that drops a deleted session's backend sessions. */
  Request forget(String id) {
    return Request.cmd(Command.HDEL).arg(hash).arg(id);
  }

  void onExpired(Consumer<ExpiredSession> newHandler) {
    this.handler = newHandler;
    if (timer < 0) {
      timer = vertx.setPeriodic(sweepMillis, id -> sweep());
    }
  }

  void close() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  /**
   * One sweep: scans the ids that are due, a batch at a time, until a batch is not full (at most
   * {@link #MAX_BATCHES} batches); completes with how many expiries this instance claimed.
   */
  Future<Integer> sweep() {
    if (sweeping || commands.closed()) {
      return Future.succeededFuture(0);
    }
    sweeping = true;
    return sweepBatches(0, 0)
      .onFailure(err -> LOG.log(Level.DEBUG, "expiry scan failed: {0}", err.getMessage()))
      .eventually(() -> {
        sweeping = false;
        return Future.succeededFuture();
      });
  }

  private Future<Integer> sweepBatches(int batch, int claimedSoFar) {
    return commands.send("expiry scan", () -> Request.cmd(Command.ZRANGEBYSCORE).arg(zset).arg("-inf")
        .arg(System.currentTimeMillis()).arg("LIMIT").arg(0).arg(BATCH), RedisExpiryIndex::strings)
      .compose(ids -> {
        Future<Integer> claimed = Future.succeededFuture(claimedSoFar);
        for (String id : ids) {
          claimed = claimed.compose(n -> check(id).map(won -> won ? n + 1 : n));
        }
        return ids.size() < BATCH || batch + 1 >= MAX_BATCHES || commands.closed() ? claimed
          : claimed.compose(n -> sweepBatches(batch + 1, n));
      });
  }

  private Future<Boolean> check(String id) {
    return commands.send("expiry check", () -> Request.cmd(Command.PTTL).arg(prefix + "session:" + id),
        Response::toLong)
      .compose(pttl -> {
        if (pttl == -2) {
          return claim(id);
        }
        long remaining = pttl > 0 ? pttl : ttlMillis;
        return commands.send("expiry rescore", () -> Request.cmd(Command.ZADD).arg(zset).arg("XX")
          .arg(System.currentTimeMillis() + remaining).arg(id), r -> false);
      });
  }

  private Future<Boolean> claim(String id) {
    return commands.send("expiry claim", () -> untrack(id), r -> r.toInteger() == 1).compose(won -> {
      if (!won) {
        return Future.succeededFuture(false);
      }
      return commands.batch("expiry read", () -> List.of(Request.cmd(Command.HGET).arg(hash).arg(id), forget(id)),
        replies -> backendSessions(replies.get(0))).map(backends -> {
          report(new ExpiredSession(id, backends));
          return true;
        });
    });
  }

  private void report(ExpiredSession session) {
    Consumer<ExpiredSession> current = handler;
    if (current == null) {
      return;
    }
    try {
      current.accept(session);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "expired-session handler failed: {0}", e.toString());
    }
  }

  private static Map<String, String> backendSessions(Response value) {
    Map<String, String> backends = new HashMap<>();
    if (value != null) {
      new JsonObject(value.toBuffer()).forEach(e -> backends.put(e.getKey(), String.valueOf(e.getValue())));
    }
    return backends;
  }

  private static List<String> strings(Response list) {
    List<String> ids = new ArrayList<>(list.size());
    for (Response item : list) {
      ids.add(item.toString());
    }
    return ids;
  }
}
