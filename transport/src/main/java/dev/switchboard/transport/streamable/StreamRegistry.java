package dev.switchboard.transport.streamable;

import dev.switchboard.session.EventLog;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The streams that are live on this instance (a POST's stream until its response, a GET stream until its session
 * ends), so that a resumption arriving here can attach to them. Finished streams are forgotten: their events are in
 * the {@link EventLog}.
 */
public final class StreamRegistry {
  /** Streams kept live at most; beyond, new streams still work but cannot be resumed on this instance. */
  public static final int MAX_LIVE_STREAMS = 65_536;
  public static final long DEFAULT_RETRY_MILLIS = 1000;

  private final Map<String, ClientStream> live = new ConcurrentHashMap<>();
  private final EventLog log;
  private final long retryMillis;
  private final long maxBufferedBytes;

  public StreamRegistry(EventLog log, long retryMillis) {
    this(log, retryMillis, 0);
  }

  /**
   * @param maxBufferedBytes what may wait unwritten for a slow reader on one stream, and what a stream keeps of its
   *                         recent events in memory (0: no byte bound); see {@link SseWriter#start(HttpServerResponse,
   *                         long)}
   */
  public StreamRegistry(EventLog log, long retryMillis, long maxBufferedBytes) {
    this.log = log;
    this.retryMillis = retryMillis;
    this.maxBufferedBytes = maxBufferedBytes;
  }

  /** Starts an SSE response with this registry's bound on a slow reader. */
  public SseWriter writer(HttpServerResponse response) {
    return SseWriter.start(response, maxBufferedBytes);
  }

  public EventLog log() {
    return log;
  }

  /** A new answer stream for a POST. */
  public ClientStream openPost(String sessionId) {
    return register(new ClientStream(sessionId, EventIds.newPostStream(), 0, log, retryMillis, maxBufferedBytes));
  }

  /**
   * A standalone stream: a new one ({@code streamId} null), or the continuation of one resumed from elsewhere, numbering
   * its events after {@code nextSequence}.
   */
  public ClientStream openGet(String sessionId, String streamId, long nextSequence) {
    String id = streamId == null ? EventIds.newGetStream() : streamId;
    return register(new ClientStream(sessionId, id, nextSequence, log, retryMillis, maxBufferedBytes));
  }

  /** The live stream with this id, if it belongs to the session. */
  public ClientStream get(String sessionId, String streamId) {
    ClientStream stream = streamId == null ? null : live.get(streamId);
    return stream != null && stream.sessionId().equals(sessionId) ? stream : null;
  }

  /**
   * Resumes the stream that {@code lastEventId} names, after that event: a stream live on this instance gets the
   * connection attached (the events it still holds first); any other is served from the log by a {@link LogTail}
   * (it lives on another instance, or it ended).
   *
   * @param sessionEnded true once the session ended: a tail stops
   */
  public void resume(Vertx vertx, String sessionId, String lastEventId, SseWriter writer,
                     BooleanSupplier sessionEnded) {
    String streamId = EventIds.streamOf(lastEventId);
    ClientStream stream = get(sessionId, streamId);
    if (stream != null) {
      stream.attach(writer, false, lastEventId);
    } else {
      new LogTail(vertx, log, sessionId, streamId, writer, sessionEnded).start(lastEventId);
    }
  }

  public int size() {
    return live.size();
  }

  private ClientStream register(ClientStream stream) {
    if (live.size() < MAX_LIVE_STREAMS) {
      live.put(stream.id(), stream);
      stream.onFinish(() -> live.remove(stream.id(), stream));
    }
    return stream;
  }
}
