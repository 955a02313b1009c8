package dev.switchboard.core.backend.pipe;

import dev.switchboard.core.backend.BackendClient;
import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.backend.BackendSession;
import dev.switchboard.core.backend.SupervisedBackend;
import dev.switchboard.core.backend.stdio.SessionMode;
import dev.switchboard.core.backend.stdio.StdioOptions;
import dev.switchboard.core.protocol.ProtocolVersion;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link BackendClient} for a stdio backend. In {@link SessionMode#SHARED} mode one supervised process serves every
 * client session: each {@link #open} creates a virtual session on it (its id is what the core keeps as the backend
 * session id) and the {@link PipeSession} multiplexes them. In {@link SessionMode#PER_SESSION} mode each
 * {@link #open} starts a process of its own, at most {@link StdioOptions#maxProcesses()} at once, stopped by
 * {@link #close}. All state lives on one Vert.x context; every call hops onto it and its result back to the
 * caller's context, except plain requests, which a Vert.x caller writes to the process itself and whose answers reach
 * it from the process's reading thread ({@link PipeSession#call}).
 */
public final class StdioBackendClient extends PipeBackendClient implements SupervisedBackend {
  /**
   * What a shared process is told its client supports: the per-request features the gateway can relay (checked per
   * session when the process asks). Not roots: a process has one set of roots, and one client's roots must not
   * become every client's; use per-session mode for roots.
   */
  private static final JsonObject SHARED_CAPABILITIES = new JsonObject()
    .put("sampling", new JsonObject())
    .put("elicitation", new JsonObject());

  private static final Set<String> VERSIONS = Set.copyOf(ProtocolVersion.SUPPORTED);

  private final Vertx vertx;
  private final Context context;
  private final PipeSession shared;
  private final Map<String, PipeSession> perSession = new ConcurrentHashMap<>();
  private final IdleReaper reaper;
  private int starting;

  public StdioBackendClient(Vertx vertx, BackendOptions options) {
    super(options, new ContextHop(vertx.getOrCreateContext()),
      "the session is unknown here (its process ended, or the session was opened on another instance)", true);
    this.vertx = vertx;
    this.context = hop.context();
    this.shared = options.stdio().sessionMode() == SessionMode.SHARED
      ? new PipeSession(vertx, context, options, pipes(), VERSIONS, SHARED_CAPABILITIES, PipeSession.Restart.ALWAYS,
        () -> { })
      : null;
    this.reaper = new IdleReaper(vertx, hop, options.name(), options.stdio().idleTimeout(),
      cutoff -> shared != null ? shared.idleSessions(cutoff) : IdleReaper.idleIn(perSession, cutoff), this::close);
  }

  private PipeFactory pipes() {
    return StdioProcess.factory(vertx, name(), options.stdio());
  }

  @Override
  public void watchAvailability(AvailabilityListener listener) {
    if (shared != null) {
      hop.run(() -> {
        shared.watch(listener);
        return Future.succeededFuture();
      });
    }
  }

  @Override
  public Future<BackendSession> open(JsonObject clientInfo, JsonObject clientCapabilities) {
    String id = "stdio-" + UUID.randomUUID();
    if (shared != null) {
      return hop.run(() -> shared.open(id, clientInfo, clientCapabilities));
    }
    return hop.run(() -> {
      int limit = options.stdio().maxProcesses();
      if (perSession.size() + starting >= limit) {
        return Future.failedFuture(new IllegalStateException("backend '" + name() + "': all " + limit
          + " processes (maxProcesses) are in use; this session goes without it"));
      }
      PipeSession process = new PipeSession(vertx, context, options, pipes(), VERSIONS,
        clientCapabilities == null ? new JsonObject() : clientCapabilities, PipeSession.Restart.NEVER,
        () -> perSession.remove(id));
      starting++;
      return process.open(id, clientInfo, clientCapabilities)
        .andThen(done -> starting--)
        .onSuccess(session -> perSession.put(id, process));
    });
  }

  @Override
  public Future<Void> close(String sessionId) {
    if (sessionId == null) {
      return Future.succeededFuture();
    }
    return hop.run(() -> {
      if (shared != null) {
        return shared.close(sessionId);
      }
      PipeSession process = perSession.remove(sessionId);
      return process == null ? Future.succeededFuture() : process.close(sessionId).compose(v -> process.shutdown());
    });
  }

  @Override
  public Future<Void> shutdown() {
    reaper.stop();
    return hop.run(() -> {
      List<Future<Void>> stopping = new ArrayList<>();
      if (shared != null) {
        stopping.add(shared.shutdown());
      }
      new ArrayList<>(perSession.values()).forEach(p -> stopping.add(p.shutdown()));
      perSession.clear();
      return Future.join(stopping).mapEmpty();
    });
  }

  /** For tests: the pid of the process serving a session, or -1. */
  public Future<Long> pid(String sessionId) {
    return hop.run(() -> {
      PipeSession process = shared != null ? shared : perSession.get(sessionId);
      Pipe running = process == null ? null : process.process();
      return Future.succeededFuture(running instanceof StdioProcess p ? p.pid() : -1L);
    });
  }

  /** For tests and metrics: how many processes run now. */
  public Future<Integer> processCount() {
    return hop.run(() -> Future.succeededFuture(shared != null ? (shared.process() == null ? 0 : 1)
      : (int) perSession.values().stream().filter(p -> p.process() != null).count()));
  }

  @Override
  PipeSession holderOf(String sessionId) {
    return shared != null ? shared : perSession.get(sessionId);
  }
}
