package dev.switchboard.core.backend.pipe;

import dev.switchboard.core.backend.BackendException;
import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.backend.BackendSession;
import dev.switchboard.core.backend.BackendStream;
import dev.switchboard.core.backend.SupervisedBackend;
import dev.switchboard.core.protocol.JsonRpc;
import dev.switchboard.core.protocol.LogLevels;
import dev.switchboard.core.protocol.McpMethod;
import dev.switchboard.core.protocol.ProtocolVersion;
import dev.switchboard.core.protocol.RequestIdKey;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.lang.System.Logger.Level;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One pipe (a backend process, or a legacy SSE connection) speaking as one MCP session, shared by the virtual
 * sessions of any number of client sessions (one, in per-session mode and for SSE). It runs on one Vert.x context
 * ({@code context}); the clients hop onto it ({@link ContextHop}), but for plain calls (below). The pipe is opened by
 * the first {@link #open} and, as its {@link Restart} says, opened again with exponential backoff whenever it ends;
 * virtual sessions outlive reopenings (their subscriptions and the log level are sent again), calls in flight fail.
 * Requests in flight are {@link PipeCalls}, shared subscriptions and log level are {@link Shares}, server-to-client
 * requests are routed by {@link ServerRequests}.
 *
 * <p>One path skips the hop: a plain call ({@link #call}) may come from any Vert.x context, and its answer, offered
 * by the pipe's reading thread ({@link #answerNow}), completes on the caller's context. That path reads the
 * sessions and the state, which are therefore safe to read from any thread but change on the owner's context only,
 * and it adds and removes calls in flight ({@link PipeCalls} says in what order). A plain call and a hopping
 * operation of the same caller (a subscription, a message, a cancellation) may reach the process in either order.
 */
final class PipeSession implements Inbox {
  private static final System.Logger LOG = System.getLogger(PipeSession.class.getName());
  /** First delay before a pipe that ended is opened again; doubled per failure up to {@link #MAX_BACKOFF_MS}. */
  static final long FIRST_BACKOFF_MS = 1_000;
  static final long MAX_BACKOFF_MS = 30_000;
  /** Most URL-mode elicitations awaiting their completion notice on one pipe. */
  static final int MAX_ELICITATIONS = 1_000;

  enum State { IDLE, STARTING, READY, DOWN, STOPPED }

  /** When a pipe that ended is opened again. */
  enum Restart {
    /** Never: the sessions end with the pipe (a per-session process). */
    NEVER,
    /** Once the pipe has been up: a lost connection is reconnected, a first failure fails the opening. */
    AFTER_READY,
    /** Always, from the first start (a shared, supervised process). */
    ALWAYS
  }

  private final Vertx vertx;
  private final Context context;
  private final BackendOptions options;
  private final PipeFactory pipes;
  private final Set<String> versions;
  private final JsonObject declared;
  private final Restart restart;
  private final Runnable onGone;
  private final PipeCalls calls;
  private final Shares shares;
  private final Map<String, VirtualSession> sessions = new ConcurrentHashMap<>();
  /** Server-to-client requests passed to a client session, by id key, and that session's id. */
  private final Map<String, String> serverRequests = new HashMap<>();
  /** URL-mode elicitations passed to a client session, by elicitation id, for their completion notice. */
  private final Map<String, String> elicitations = new HashMap<>();
  private SupervisedBackend.AvailabilityListener availability;
  private volatile State state = State.IDLE;
  private boolean everReady;
  private Pipe process;
  private Promise<Void> ready;
  private volatile Throwable lastFailure;
  private JsonObject clientInfo;
  private String protocolVersion;
  private JsonObject serverCapabilities;
  private JsonObject serverInfo;
  private int failures;
  private long readySince;
  private long restartTimer = -1;

  /**
   * @param pipes    opens the pipe (starts the process, connects the stream)
   * @param versions the protocol versions accepted from the backend's initialize answer
   * @param declared the client capabilities declared to the process on initialize
   * @param restart  when to open the pipe again after it ended
   * @param onGone   run once the process has exited for good (per-session mode)
   */
  PipeSession(Vertx vertx, Context context, BackendOptions options, PipeFactory pipes, Set<String> versions,
              JsonObject declared, Restart restart, Runnable onGone) {
    this.vertx = vertx;
    this.context = context;
    this.options = options;
    this.pipes = pipes;
    this.versions = versions;
    this.declared = declared;
    this.restart = restart;
    this.onGone = onGone;
    this.calls = new PipeCalls(context, options);
    this.shares = new Shares(calls);
  }

  String backend() {
    return options.name();
  }

  void watch(SupervisedBackend.AvailabilityListener listener) {
    this.availability = listener;
  }

  /** The open pipe (the running process), or null. */
  Pipe process() {
    return process;
  }

  // ---- lifecycle -------------------------------------------------------------------------------------------------

  Future<BackendSession> open(String sessionId, JsonObject clientInfo, JsonObject capabilities) {
    if (this.clientInfo == null) {
      this.clientInfo = clientInfo;
    }
    return ensureReady().map(v -> {
      sessions.put(sessionId, new VirtualSession(sessionId, capabilities));
      return new BackendSession(backend(), sessionId, protocolVersion, serverCapabilities.copy(), serverInfo.copy());
    });
  }

  private Future<Void> ensureReady() {
    return switch (state) {
      case READY -> Future.succeededFuture();
      case STARTING -> ready.future();
      case IDLE -> start();
      case DOWN -> Future.failedFuture(unreachable("the process is down"
        + (lastFailure == null ? "" : " (" + lastFailure.getMessage() + ")") + "; restarting"));
      case STOPPED -> Future.failedFuture(unreachable("the process is stopped"));
    };
  }

  private Future<Void> start() {
    state = State.STARTING;
    Promise<Void> starting = Promise.promise();
    ready = starting;
    pipes.open(context, this)
      .compose(started -> {
        if (state == State.STOPPED) {
          started.stop();
          return Future.failedFuture(unreachable("the backend is shutting down"));
        }
        process = started;
        calls.pipe(started);
        started.ended().onSuccess(why -> onExit(started, why));
        LOG.log(Level.INFO, "backend ''{0}'': opened {1}", backend(), started.describe());
        return initialize();
      })
      .onComplete(result -> context.runOnContext(v -> started(starting, result.cause())));
    return starting.future();
  }

  private void started(Promise<Void> starting, Throwable failure) {
    if (failure == null && state == State.STARTING) {
      boolean back = lastFailure != null;
      state = State.READY;
      everReady = true;
      lastFailure = null;
      readySince = System.nanoTime();
      starting.tryComplete();
      if (back) {
        LOG.log(Level.INFO, "backend ''{0}'': process is back", backend());
        if (availability != null) {
          availability.up();
        }
        fanOut(JsonRpc.notification(McpMethod.NOTIFICATION_TOOLS_LIST_CHANGED, null));
      }
      return;
    }
    Throwable cause = failure != null ? failure : unreachable("the backend is shutting down");
    starting.tryFail(cause);
    if (process != null) {
      lastFailure = cause;
      process.stop();
    } else if (state != State.STOPPED) {
      down(cause);
    }
  }

  private Future<Void> initialize() {
    JsonObject params = new JsonObject().put("protocolVersion", ProtocolVersion.LATEST)
      .put("capabilities", declared.copy()).put("clientInfo", clientInfo == null ? new JsonObject() : clientInfo);
    return calls.send(null, null, McpMethod.INITIALIZE, params, null, context, context).compose(result -> {
      Object version = result.getValue("protocolVersion");
      if (!(version instanceof String negotiated) || !versions.contains(negotiated)) {
        return Future.failedFuture(new BackendException(backend(), BackendException.Kind.PROTOCOL,
          "unsupported protocol version '" + snippet(String.valueOf(version)) + "'"));
      }
      protocolVersion = negotiated;
      serverCapabilities = result.getValue("capabilities") instanceof JsonObject c ? c : new JsonObject();
      serverInfo = result.getValue("serverInfo") instanceof JsonObject i ? i : new JsonObject();
      calls.write(JsonRpc.notification(McpMethod.NOTIFICATION_INITIALIZED, null));
      shares.reapply();
      return Future.succeededFuture();
    });
  }

  private void onExit(Pipe exited, Throwable cause) {
    if (exited != process) {
      return;
    }
    process = null;
    calls.pipe(null);
    calls.failAll(cause);
    serverRequests.clear();
    elicitations.clear();
    if (ready != null) {
      ready.tryFail(cause);
    }
    if (state == State.STOPPED) {
      return;
    }
    boolean wasReady = state == State.READY;
    LOG.log(wasReady ? Level.WARNING : Level.DEBUG, "backend ''{0}'': {1} ended: {2}", backend(), exited.describe(),
      cause.getMessage());
    if (!restarts() || forgotten(cause)) {
      state = State.STOPPED;
      endSessions(new BackendException(backend(), BackendException.Kind.SESSION_EXPIRED, "the session ended: "
        + cause.getMessage()));
      onGone.run();
      return;
    }
    if (wasReady && System.nanoTime() - readySince > MAX_BACKOFF_MS * 1_000_000) {
      failures = 0;
    }
    down(lastFailure != null && !wasReady ? lastFailure : cause);
  }

  /** Shared mode: the backend counts as down until the process is back; retried with exponential backoff. */
  private void down(Throwable cause) {
    if (!restarts()) {
      state = State.STOPPED;
      onGone.run();
      return;
    }
    boolean wasUp = lastFailure == null;
    lastFailure = cause;
    state = State.DOWN;
    if (wasUp) {
      LOG.log(Level.WARNING, "backend ''{0}'' is down: {1}", backend(), cause.getMessage());
      if (availability != null) {
        availability.down(cause);
      }
      fanOut(JsonRpc.notification(McpMethod.NOTIFICATION_TOOLS_LIST_CHANGED, null));
    } else {
      LOG.log(Level.DEBUG, "backend ''{0}'' still down: {1}", backend(), cause.getMessage());
    }
    long delay = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS << Math.min(failures, 10));
    failures++;
    restartTimer = vertx.setTimer(delay, id -> context.runOnContext(v -> {
      restartTimer = -1;
      if (state == State.DOWN) {
        start();
      }
    }));
  }

  /** Stops the process (SIGTERM, then kill after the grace period); no restart. */
  Future<Void> shutdown() {
    state = State.STOPPED;
    if (restartTimer >= 0) {
      vertx.cancelTimer(restartTimer);
    }
    calls.failAll(unreachable("the backend is shutting down"));
    endSessions(unreachable("the backend is shutting down"));
    Pipe running = process;
    return running == null ? Future.succeededFuture() : running.stop().mapEmpty();
  }

  private void endSessions(Throwable cause) {
    sessions.values().forEach(s -> {
      if (s.stream != null) {
        s.stream.end(cause);
      }
    });
    sessions.clear();
    shares.clear();
  }

  // ---- client-side operations (on the context; plain calls from any) -----------------------------------------------

  /** A request of any method, on the owner's context; it completes there. */
  Future<JsonObject> request(String sessionId, Object callerId, String method, JsonObject params,
                             Handler<JsonObject> onMessage, Context caller) {
    return admitted(sessionId, session -> {
      if (callerId != null && session.calls.containsKey(RequestIdKey.of(callerId))) {
        return Future.failedFuture(inFlightAlready(callerId));
      }
      JsonObject args = params == null ? new JsonObject() : params;
      return switch (method) {
        case McpMethod.RESOURCES_SUBSCRIBE -> shares.subscribe(session, callerId, args, onMessage, caller);
        case McpMethod.RESOURCES_UNSUBSCRIBE -> shares.unsubscribe(session, callerId, args, onMessage, caller);
        case McpMethod.LOGGING_SET_LEVEL -> shares.setLevel(session, sessions.values(), callerId, args, onMessage,
          caller);
        default -> calls.send(session, callerId, method, params, onMessage, caller, context);
      };
    });
  }

  /**
   * A request whose method the virtual sessions do not share ({@link Shares#handles} is false), from any Vert.x
   * context ({@code caller}, where it completes): it is written to the pipe at once, without a hop to the owner's.
   * A request id already in flight on the session is refused by {@link PipeCalls#send}.
   */
  Future<JsonObject> call(String sessionId, Object callerId, String method, JsonObject params,
                          Handler<JsonObject> onMessage, Context caller) {
    return admitted(sessionId, session -> calls.send(session, callerId, method, params, onMessage, caller, caller));
  }

  /** Passes the session to {@code send} if it is known and the process is running; otherwise fails. */
  private Future<JsonObject> admitted(String sessionId, Function<VirtualSession, Future<JsonObject>> send) {
    VirtualSession session = sessions.get(sessionId);
    if (session == null) {
      return Future.failedFuture(expired());
    }
    if (state != State.READY) {
      Throwable last = lastFailure;
      return Future.failedFuture(unreachable("the process is not running"
        + (last == null ? "" : " (" + last.getMessage() + ")") + "; restarting"));
    }
    session.lastUsedNanos = System.nanoTime();
    return send.apply(session);
  }

  static IllegalStateException inFlightAlready(Object callerId) {
    return new IllegalStateException("request id " + snippet(String.valueOf(callerId))
      + " is already in flight on this session");
  }

  Future<Void> cancel(String sessionId, Object callerId, String reason) {
    VirtualSession session = sessions.get(sessionId);
    PendingCall call = session == null ? null : session.calls.get(RequestIdKey.of(callerId));
    if (call == null) {
      return Future.succeededFuture();
    }
    String why = reason == null || reason.isBlank() ? "" : ": " + snippet(reason);
    return calls.cancel(call, new BackendException(backend(), BackendException.Kind.CANCELLED, "request "
      + snippet(String.valueOf(callerId)) + " cancelled" + why), reason);
  }

  Future<BackendStream> listen(String sessionId, Handler<JsonObject> onMessage, Context caller) {
    VirtualSession session = sessions.get(sessionId);
    if (session == null) {
      return Future.failedFuture(expired());
    }
    VirtualStream[] holder = new VirtualStream[1];
    VirtualStream stream = new VirtualStream(backend(), sessionId, caller, onMessage, () -> context.runOnContext(v -> {
      session.lastUsedNanos = System.nanoTime();
      if (session.stream == holder[0]) {
        session.stream = null;
      }
    }));
    holder[0] = stream;
    VirtualStream previous = session.stream;
    session.stream = stream;
    if (previous != null) {
      previous.close();
    }
    return Future.succeededFuture(stream);
  }

  Future<Void> send(String sessionId, JsonObject message) {
    VirtualSession session = sessions.get(sessionId);
    if (session == null) {
      return Future.failedFuture(expired());
    }
    session.lastUsedNanos = System.nanoTime();
    if (JsonRpc.isResponse(message)) {
      String key = RequestIdKey.of(message.getValue("id"));
      if (!sessionId.equals(serverRequests.get(key))) {
        LOG.log(Level.DEBUG, "backend ''{0}'': dropped a response to a request this session was not sent",
          backend());
        return Future.succeededFuture();
      }
      serverRequests.remove(key);
      return calls.writeOrFail(message);
    }
    String method = message.getString("method", "");
    if (McpMethod.NOTIFICATION_CANCELLED.equals(method)) {
      JsonObject params = message.getJsonObject("params", new JsonObject());
      return cancel(sessionId, params.getValue("requestId"), params.getString("reason"));
    }
    if (McpMethod.NOTIFICATION_INITIALIZED.equals(method)
      || McpMethod.NOTIFICATION_ROOTS_LIST_CHANGED.equals(method) && !perSession()) {
      return Future.succeededFuture();
    }
    return calls.writeOrFail(message);
  }

  /**
   * Ends a client session's share: its calls (those with a request id) are cancelled, its subscriptions and log level
   * released. The fence orders the flag before the look at its calls, against a plain call that is added to them and
   * then reads the flag ({@link PipeCalls#send}).
   */
  Future<Void> close(String sessionId) {
    VirtualSession session = sessions.remove(sessionId);
    if (session == null) {
      return Future.succeededFuture();
    }
    session.closed = true;
    VarHandle.fullFence();
    BackendException closed = new BackendException(backend(), BackendException.Kind.CANCELLED,
      "the session was closed");
    new ArrayList<>(session.calls.values()).forEach(call -> calls.cancel(call, closed, "session closed"));
    shares.release(session, sessions.values());
    if (session.stream != null) {
      session.stream.close();
    }
    return Future.succeededFuture();
  }

  /** The sessions idle since {@code cutoffNanos} (see {@link VirtualSession#idleSince}). */
  List<String> idleSessions(long cutoffNanos) {
    return sessions.values().stream().filter(s -> s.idleSince(cutoffNanos)).map(s -> s.id).toList();
  }

  boolean hasSession(String sessionId) {
    return sessions.containsKey(sessionId);
  }

  // ---- the pipe ----------------------------------------------------------------------------------------------------

  @Override
  public JsonObject parse(Buffer text) {
    try {
      return new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      LOG.log(Level.WARNING, "backend ''{0}'': dropped a stdout line that is not a JSON-RPC message: {1}", backend(),
        snippet(text.toString()));
      return null;
    }
  }

  @Override
  public void text(Buffer text) {
    JsonObject message = parse(text);
    if (message != null) {
      message(message);
    }
  }

  @Override
  public void message(JsonObject message) {
    if (message.getValue("method") instanceof String method) {
      if (message.containsKey("id")) {
        ServerRequests.route(this, message, method);
      } else {
        notification(message, method);
      }
    } else if (message.containsKey("id")) {
      calls.answered(message);
    }
  }

  @Override
  public boolean answerNow(JsonObject message) {
    if (message.containsKey("method") || !message.containsKey("id")) {
      return false;
    }
    calls.answered(message);
    return true;
  }

  private void notification(JsonObject message, String method) {
    JsonObject params = message.getValue("params") instanceof JsonObject p ? p : new JsonObject();
    switch (method) {
      case McpMethod.NOTIFICATION_PROGRESS -> {
        PendingCall call = calls.byToken(params.getValue("progressToken"));
        if (call != null && call.progressToken != null) {
          JsonObject mapped = message.copy();
          mapped.getJsonObject("params").put("progressToken", call.progressToken);
          call.deliver(mapped);
        }
      }
      case McpMethod.NOTIFICATION_MESSAGE -> {
        String level = params.getString("level", "");
        sessions.values().forEach(s -> {
          if (LogLevels.admits(s.logLevel, level)) {
            s.deliver(message);
          }
        });
      }
      case McpMethod.NOTIFICATION_RESOURCES_UPDATED -> {
        Set<String> subscribers = shares.subscribers(params.getString("uri", ""));
        subscribers.forEach(id -> {
          VirtualSession session = sessions.get(id);
          if (session != null) {
            session.deliver(message);
          }
        });
      }
      case McpMethod.NOTIFICATION_CANCELLED -> {
        String owner = serverRequests.remove(RequestIdKey.of(params.getValue("requestId")));
        VirtualSession session = owner == null ? null : sessions.get(owner);
        if (session != null) {
          session.deliver(message);
        }
      }
      case McpMethod.NOTIFICATION_ELICITATION_COMPLETE -> {
        String owner = elicitations.remove(params.getString("elicitationId", ""));
        VirtualSession session = owner == null ? null : sessions.get(owner);
        if (session != null) {
          session.deliver(message);
        }
      }
      case McpMethod.NOTIFICATION_TOOLS_LIST_CHANGED, McpMethod.NOTIFICATION_PROMPTS_LIST_CHANGED,
           McpMethod.NOTIFICATION_RESOURCES_LIST_CHANGED -> fanOut(message);
      default -> {
        if (perSession()) {
          fanOut(message);
        } else {
          LOG.log(Level.DEBUG, "backend ''{0}'': dropped a {1} notification it is not known whom to send to",
            backend(), snippet(method));
        }
      }
    }
  }

  private void fanOut(JsonObject message) {
    sessions.values().forEach(s -> s.deliver(message));
  }

  // ---- for ServerRequests --------------------------------------------------------------------------------------------

  Collection<PendingCall> inFlight() {
    return calls.inFlight();
  }

  Map<String, VirtualSession> sessions() {
    return sessions;
  }

  boolean perSession() {
    return restart != Restart.ALWAYS;
  }

  /** The server forgot the session: its calls fail as expired and the core opens a new one (never reconnected). */
  private static boolean forgotten(Throwable cause) {
    return cause instanceof BackendException e && e.kind() == BackendException.Kind.SESSION_EXPIRED;
  }

  private boolean restarts() {
    return restart == Restart.ALWAYS || restart == Restart.AFTER_READY && everReady;
  }

  void passed(JsonObject request, String sessionId) {
    serverRequests.put(RequestIdKey.of(request.getValue("id")), sessionId);
    if (request.getValue("params") instanceof JsonObject params && params.getValue("elicitationId") instanceof String
      elicitation && elicitations.size() < MAX_ELICITATIONS) {
      elicitations.put(elicitation, sessionId);
    }
  }

  void answer(JsonObject response) {
    calls.write(response);
  }

  // ---- helpers -------------------------------------------------------------------------------------------------------

  private BackendException unreachable(String message) {
    return new BackendException(backend(), BackendException.Kind.UNREACHABLE, message);
  }

  private BackendException expired() {
    return new BackendException(backend(), BackendException.Kind.SESSION_EXPIRED,
      "the session is unknown (its process was restarted elsewhere or has ended)");
  }

  static String snippet(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
