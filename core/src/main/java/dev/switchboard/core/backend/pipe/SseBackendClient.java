package dev.switchboard.core.backend.pipe;

import dev.switchboard.core.backend.BackendClient;
import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.backend.BackendSession;
import dev.switchboard.core.protocol.ProtocolVersion;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * {@link BackendClient} for a legacy HTTP+SSE (2024-11-05) server. Each backend session is one SSE connection of its
 * own ({@link SsePipe}), opened by {@link #open} and closed by {@link #close}; at most {@code maxConnections} at once
 * (beyond, the session goes without this backend). A connection that is lost is reconnected with backoff under the
 * same backend session id: the server sees a new session, initialized again, with the subscriptions and log level
 * sent again; calls in flight when it was lost fail. The configured headers go on the GET and on every POST.
 */
public final class SseBackendClient extends PipeBackendClient {
  /**
   * A backend session with no call and no open stream for this long is closed (its client session most likely
   * expired); the default session TTL.
   */
  public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
  private static final Set<String> VERSIONS;

  static {
    Set<String> versions = new HashSet<>(ProtocolVersion.SUPPORTED);
    versions.add("2024-11-05");
    VERSIONS = Set.copyOf(versions);
  }

  private final Vertx vertx;
  private final HttpClientAgent streams;
  private final HttpClientAgent posts;
  private final Map<String, PipeSession> sessions = new HashMap<>();
  private final IdleReaper reaper;
  private int opening;

  public SseBackendClient(Vertx vertx, BackendOptions options) {
    super(options, new ContextHop(vertx.getOrCreateContext()),
      "the session is unknown here (closed, or opened on another instance)", false);
    this.vertx = vertx;
    HttpClientOptions http = new HttpClientOptions().setName("backend-" + options.name()).setKeepAlive(true)
      .setConnectTimeout(10_000);
    this.streams = vertx.httpClientBuilder().with(http)
      .with(new PoolOptions().setHttp1MaxSize(options.maxConnections()).setMaxWaitQueueSize(0)).build();
    this.posts = vertx.httpClientBuilder().with(new HttpClientOptions(http))
      .with(new PoolOptions().setHttp1MaxSize(options.maxConnections()).setMaxWaitQueueSize(1024)).build();
    this.reaper = new IdleReaper(vertx, hop, options.name(), IDLE_TIMEOUT, cutoff -> IdleReaper.idleIn(sessions, cutoff),
      this::close);
  }

  @Override
  public Future<BackendSession> open(JsonObject clientInfo, JsonObject clientCapabilities) {
    String id = "sse-" + UUID.randomUUID();
    return hop.run(() -> {
      if (sessions.size() + opening >= options.maxConnections()) {
        return Future.failedFuture(new IllegalStateException("backend '" + name() + "': all "
          + options.maxConnections() + " SSE connections (maxConnections) are in use; this session goes without it"));
      }
      JsonObject declared = clientCapabilities == null ? new JsonObject() : clientCapabilities;
      PipeSession session = new PipeSession(vertx, hop.context(), options,
        SsePipe.factory(vertx, options, streams, posts), VERSIONS, declared, PipeSession.Restart.AFTER_READY,
        () -> sessions.remove(id));
      opening++;
      return session.open(id, clientInfo, declared)
        .andThen(done -> opening--)
        .onSuccess(opened -> sessions.put(id, session));
    });
  }

  @Override
  public Future<Void> close(String sessionId) {
    return hop.run(() -> {
      PipeSession session = sessionId == null ? null : sessions.remove(sessionId);
      return session == null ? Future.succeededFuture() : session.close(sessionId).compose(v -> session.shutdown());
    });
  }

  @Override
  public Future<Void> shutdown() {
    reaper.stop();
    return hop.run(() -> {
      List<Future<Void>> closing = new ArrayList<>();
      new ArrayList<>(sessions.values()).forEach(s -> closing.add(s.shutdown()));
      sessions.clear();
      return Future.join(closing).mapEmpty();
    }).eventually(() -> Future.join(streams.shutdown(1, TimeUnit.SECONDS), posts.shutdown(1, TimeUnit.SECONDS)))
      .mapEmpty();
  }

  @Override
  PipeSession holderOf(String sessionId) {
    return sessions.get(sessionId);
  }
}
