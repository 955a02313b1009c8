package dev.switchboard.session.redis;

import dev.switchboard.session.EventLog;
import dev.switchboard.session.SessionStoreException;
import dev.switchboard.session.SessionStoreOptions;
import dev.switchboard.session.StoredEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link EventLog} in Redis, shared by every gateway instance on the same server and key prefix, so that a client
 * can resume a stream on any of them.
 *
 * <p>Keys: one list per stream, {@code <keyPrefix>events:<sessionId>:<streamId>}, each element the JSON array
 * {@code [id, data]}, oldest first; and one set per session, {@code <keyPrefix>streams:<sessionId>}, naming the
 * session's streams so that {@link #delete} finds them without scanning. An append is one pipelined round trip:
 * {@code RPUSH}, {@code LTRIM} to the bound, and {@code PEXPIRE} of both keys to the session TTL. A stream therefore
 * lives one TTL after its last event, and the index as long as the youngest stream; both vanish with an idle session.
 * Appends to one stream from this process are applied in call order, even when the caller does not wait for each.
 *
 * <p>Failures are {@link SessionStoreException}s carried by the future, as in {@link RedisSessionStore}.
 */
public final class RedisEventLog implements EventLog {

  private final RedisCommands commands;
  private final String keyPrefix;
  private final String ttlMillis;
  private final int maxEventsPerStream;
  /** The last append of each stream that has appends in flight. */
  private final Map<String, Future<Void>> tails = new ConcurrentHashMap<>();

  /** A log keeping {@link EventLog#DEFAULT_MAX_EVENTS_PER_STREAM} events per stream. */
  public RedisEventLog(Vertx vertx, SessionStoreOptions options, RedisStoreOptions redisOptions) {
    this(vertx, options, redisOptions, DEFAULT_MAX_EVENTS_PER_STREAM);
  }

  /**
   * A log on {@link SessionStoreOptions#redisUrl()} with its own connection pool; nothing is opened before the first
   * command.
   *
   * @throws IllegalArgumentException naming the configuration key of a bad value
   */
  public RedisEventLog(Vertx vertx, SessionStoreOptions options, RedisStoreOptions redisOptions,
                       int maxEventsPerStream) {
    Objects.requireNonNull(vertx, "vertx");
    if (options.ttl().toMillis() < 1) {
      throw new IllegalArgumentException("sessions.ttl: must be at least 1 ms, was " + options.ttl());
    }
    if (maxEventsPerStream < 1) {
      throw new IllegalArgumentException("maxEventsPerStream: must be at least 1, was " + maxEventsPerStream);
    }
    this.ttlMillis = Long.toString(options.ttl().toMillis());
    this.keyPrefix = options.keyPrefix();
    this.maxEventsPerStream = maxEventsPerStream;
    RedisUrl url = RedisUrl.parse(options.redisUrl());
    this.commands = new RedisCommands(RedisClients.create(vertx, url, redisOptions), url,
      redisOptions.commandTimeout().toMillis(), "event log");
  }

  /** Appends to one stream complete in call order: each waits for the stream's previous one (failed or not). */
  @Override
  public Future<Void> append(String sessionId, String streamId, StoredEvent event) {
    String stream;
    try {
      stream = streamKey(sessionId, streamId);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    Future<Void> appended = tails.compute(stream, (key, previous) -> previous == null
      ? push(stream, sessionId, streamId, event)
      : previous.transform(ar -> push(stream, sessionId, streamId, event)));
    appended.onComplete(ar -> tails.remove(stream, appended));
    return appended;
  }

  private Future<Void> push(String stream, String sessionId, String streamId, StoredEvent event) {
    return commands.batch("append", () -> {
      String index = indexKey(sessionId);
      String value = new JsonArray().add(Objects.requireNonNull(event.id(), "event.id")).add(event.data()).encode();
      return List.of(
        Request.cmd(Command.RPUSH).arg(stream).arg(value),
        Request.cmd(Command.LTRIM).arg(stream).arg(-maxEventsPerStream).arg(-1),
        Request.cmd(Command.PEXPIRE).arg(stream).arg(ttlMillis),
        Request.cmd(Command.SADD).arg(index).arg(streamId),
        Request.cmd(Command.PEXPIRE).arg(index).arg(ttlMillis));
    }, replies -> null);
  }

  @Override
  public Future<List<StoredEvent>> after(String sessionId, String streamId, String afterEventId) {
    return commands.send("read", () -> Request.cmd(Command.LRANGE).arg(streamKey(sessionId, streamId)).arg(0).arg(-1),
      list -> after(decode(list), afterEventId));
  }

  @Override
  public Future<Void> delete(String sessionId) {
    String index;
    try {
      index = indexKey(sessionId);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return commands.send("delete", () -> Request.cmd(Command.SMEMBERS).arg(index), members -> {
        List<String> keys = new ArrayList<>();
        keys.add(index);
        for (Response streamId : members) {
          keys.add(streamKey(sessionId, streamId.toString()));
        }
        return keys;
      })
      .compose(keys -> commands.send("delete", () -> Request.cmd(Command.DEL, keys.toArray()), deleted -> null));
  }

  /** Closes the connection pool; later calls fail with a {@link SessionStoreException}. */
  @Override
  public Future<Void> close() {
    return commands.close();
  }

  private String streamKey(String sessionId, String streamId) {
    return keyPrefix + "events:" + Objects.requireNonNull(sessionId, "sessionId") + ":"
      + Objects.requireNonNull(streamId, "streamId");
  }

  private String indexKey(String sessionId) {
    return keyPrefix + "streams:" + Objects.requireNonNull(sessionId, "sessionId");
  }

  private static List<StoredEvent> decode(Response list) {
    List<StoredEvent> events = new ArrayList<>(list.size());
    for (Response element : list) {
      JsonArray pair;
      try {
        pair = new JsonArray(element.toBuffer());
        events.add(new StoredEvent(pair.getString(0), pair.getString(1)));
      } catch (RuntimeException e) {
        throw new IllegalStateException("a stored value is not an event", e);
      }
    }
    return events;
  }

  /** The events after the one with {@code id}; all of them when it is absent. */
  private static List<StoredEvent> after(List<StoredEvent> events, String id) {
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i).id().equals(id)) {
        return List.copyOf(events.subList(i + 1, events.size()));
      }
    }
    return List.copyOf(events);
  }
}
