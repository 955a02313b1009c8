package dev.switchboard.core.backend.pipe;

import dev.switchboard.core.backend.BackendException;
import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.backend.BackendSession;
import dev.switchboard.core.backend.BackendStream;
import dev.switchboard.core.backend.SupervisedBackend;
import dev.switchboard.core.protocol.JsonRpc;
import dev.switchboard.core.protocol.McpMethod;
import dev.switchboard.core.protocol.ProtocolVersion;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One backend process speaking as one MCP session, shared by the virtual sessions of any number of client sessions
 * (one, in per-session mode). Everything runs on one Vert.x context ({@code context}); callers hop onto it
 * ({@link StdioBackendClient}). The process is started by the first {@link #open}, and, as its {@link Restart} says,
 * restarted with exponential backoff whenever it exits; virtual sessions outlive restarts (their subscriptions and
 * the log level are sent again), calls in flight fail.
 */
final class PipeSession {
  private static final System.Logger LOG = System.getLogger(PipeSession.class.getName());
  /** Most requests in flight on one process. */
  static final int MAX_PENDING = 10_000;
  static final long FIRST_BACKOFF_MS = 1_000;
  static final long MAX_BACKOFF_MS = 30_000;
  private static final String TOKEN_PREFIX = "sb-progress-";

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
  private final JsonObject declared;
  private final Restart restart;
  private boolean everReady;
  private final Runnable onGone;
  private final Map<Long, PendingCall> pending = new HashMap<>();
  private final Map<String, VirtualSession> sessions = new LinkedHashMap<>();
  private final Map<String, Set<String>> subscriptions = new HashMap<>();
  /** Server-to-client requests passed to a client session, by id key, and that session's id. */
  private final Map<String, String> serverRequests = new HashMap<>();
  private SupervisedBackend.AvailabilityListener availability;
  private State state = State.IDLE;
  private final PipeFactory pipes;
  private final Set<String> versions;
  private Pipe process;
  private Promise<Void> ready;
  private Throwable lastFailure;
  private JsonObject clientInfo;
  private String protocolVersion;
  private JsonObject serverCapabilities;
  private JsonObject serverInfo;
  private String levelSent;
  private long nextId;
  private int failures;
  private long readySince;
  private long restartTimer = -1;

  /**
   * @param declared the client capabilities declared to the process on initialize
   * @param restart  when to open the pipe again after it ended
   * @param onGone   run once the process has exited for good (per-session mode)
   */
  PipeSession(Vertx vertx, Context context, BackendOptions options, PipeFactory pipes, Set<String> versions,
              JsonObject declared, Restart restart, Runnable onGone) {
    this.vertx = vertx;
    this.pipes = pipes;
    this.versions = versions;
    this.context = context;
    this.options = options;
    this.declared = declared;
    this.restart = restart;
    this.onGone = onGone;
  }

  String backend() {
    return options.name();
  }

  State state() {
    return state;
  }

  void watch(SupervisedBackend.AvailabilityListener listener) {
    this.availability = listener;
  }

  /** The open pipe (the running process), or null. */
  Pipe process() {
    return process;
  }

  int sessionCount() {
    return sessions.size();
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
    pipes.open(context, this::onLine)
      .compose(started -> {
        if (state == State.STOPPED) {
          started.stop();
          return Future.failedFuture(unreachable("the backend is shutting down"));
        }
        process = started;
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
    return forward(null, null, McpMethod.INITIALIZE, params, null, context).compose(result -> {
      Object version = result.getValue("protocolVersion");
      if (!(version instanceof String negotiated) || !versions.contains(negotiated)) {
        return Future.failedFuture(new BackendException(backend(), BackendException.Kind.PROTOCOL,
          "unsupported protocol version '" + snippet(String.valueOf(version)) + "'"));
      }
      protocolVersion = negotiated;
      serverCapabilities = result.getValue("capabilities") instanceof JsonObject c ? c : new JsonObject();
      serverInfo = result.getValue("serverInfo") instanceof JsonObject i ? i : new JsonObject();
      write(JsonRpc.notification(McpMethod.NOTIFICATION_INITIALIZED, null));
      if (levelSent != null) {
        ownRequest(McpMethod.LOGGING_SET_LEVEL, new JsonObject().put("level", levelSent));
      }
      subscriptions.keySet().forEach(uri -> ownRequest(McpMethod.RESOURCES_SUBSCRIBE, new JsonObject().put("uri", uri)));
      return Future.succeededFuture();
    });
  }

  private void onExit(Pipe exited, Throwable cause) {
    if (exited != process) {
      return;
    }
    process = null;
    failAll(cause);
    serverRequests.clear();
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
    failAll(unreachable("the backend is shutting down"));
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
    subscriptions.clear();
  }

  private void failAll(Throwable cause) {
    List<PendingCall> calls = new ArrayList<>(pending.values());
    pending.clear();
    calls.forEach(call -> finish(call, null, cause));
  }

  // ---- client-side operations (on the context) --------------------------------------------------------------------

  Future<JsonObject> request(String sessionId, Object callerId, String method, JsonObject params,
                             Handler<JsonObject> onMessage, Context caller) {
    VirtualSession session = sessions.get(sessionId);
    if (session == null) {
      return Future.failedFuture(expired());
    }
    if (state != State.READY) {
      return Future.failedFuture(unreachable("the process is not running"
        + (lastFailure == null ? "" : " (" + lastFailure.getMessage() + ")") + "; restarting"));
    }
    if (callerId != null && session.calls.containsKey(VirtualSession.key(callerId))) {
      return Future.failedFuture(new IllegalStateException("request id " + snippet(String.valueOf(callerId))
        + " is already in flight on this session"));
    }
    JsonObject args = params == null ? new JsonObject() : params;
    return switch (method) {
      case McpMethod.RESOURCES_SUBSCRIBE -> subscribe(session, callerId, args, onMessage, caller);
      case McpMethod.RESOURCES_UNSUBSCRIBE -> unsubscribe(session, callerId, args, onMessage, caller);
      case McpMethod.LOGGING_SET_LEVEL -> setLevel(session, callerId, args, onMessage, caller);
      default -> forward(session, callerId, method, params, onMessage, caller);
    };
  }

  private Future<JsonObject> subscribe(VirtualSession session, Object callerId, JsonObject params,
                                       Handler<JsonObject> onMessage, Context caller) {
    String uri = params.getValue("uri") instanceof String u ? u : null;
    Set<String> subscribers = uri == null ? null : subscriptions.get(uri);
    if (subscribers != null) {
      subscribers.add(session.id);
      session.subscriptions.add(uri);
      return Future.succeededFuture(new JsonObject());
    }
    return forward(session, callerId, McpMethod.RESOURCES_SUBSCRIBE, params, onMessage, caller).onSuccess(r -> {
      if (uri != null && sessions.containsKey(session.id)) {
        subscriptions.computeIfAbsent(uri, k -> new HashSet<>()).add(session.id);
        session.subscriptions.add(uri);
      }
    });
  }

  private Future<JsonObject> unsubscribe(VirtualSession session, Object callerId, JsonObject params,
                                         Handler<JsonObject> onMessage, Context caller) {
    String uri = params.getValue("uri") instanceof String u ? u : null;
    session.subscriptions.remove(uri);
    Set<String> subscribers = uri == null ? null : subscriptions.get(uri);
    if (subscribers != null) {
      subscribers.remove(session.id);
      if (!subscribers.isEmpty()) {
        return Future.succeededFuture(new JsonObject());
      }
      subscriptions.remove(uri);
    }
    return forward(session, callerId, McpMethod.RESOURCES_UNSUBSCRIBE, params, onMessage, caller);
  }

  private Future<JsonObject> setLevel(VirtualSession session, Object callerId, JsonObject params,
                                      Handler<JsonObject> onMessage, Context caller) {
    String level = params.getValue("level") instanceof String l && LogLevels.ORDER.contains(l) ? l : null;
    if (level == null) {
      return forward(session, callerId, McpMethod.LOGGING_SET_LEVEL, params, onMessage, caller);
    }
    session.logLevel = level;
    String most = mostVerbose();
    if (most.equals(levelSent)) {
      return Future.succeededFuture(new JsonObject());
    }
    levelSent = most;
    return forward(session, callerId, McpMethod.LOGGING_SET_LEVEL, params.copy().put("level", most), onMessage,
      caller);
  }

  private String mostVerbose() {
    return LogLevels.mostVerbose(sessions.values().stream().map(s -> s.logLevel).filter(l -> l != null).toList());
  }

  Future<Void> cancel(String sessionId, Object callerId, String reason) {
    VirtualSession session = sessions.get(sessionId);
    PendingCall call = session == null ? null : session.calls.get(VirtualSession.key(callerId));
    if (call == null) {
      return Future.succeededFuture();
    }
    pending.remove(call.pipeId);
    String why = reason == null || reason.isBlank() ? "" : ": " + snippet(reason);
    finish(call, null, new BackendException(backend(), BackendException.Kind.CANCELLED, "request "
      + snippet(String.valueOf(callerId)) + " cancelled" + why));
    return notifyCancelled(call.pipeId, reason);
  }

  Future<BackendStream> listen(String sessionId, Handler<JsonObject> onMessage, Context caller) {
    VirtualSession session = sessions.get(sessionId);
    if (session == null) {
      return Future.failedFuture(expired());
    }
    VirtualStream[] holder = new VirtualStream[1];
    VirtualStream stream = new VirtualStream(backend(), sessionId, caller, onMessage, () -> context.runOnContext(v -> {
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
    if (JsonRpc.isResponse(message)) {
      String key = VirtualSession.key(message.getValue("id"));
      if (!sessionId.equals(serverRequests.get(key))) {
        LOG.log(Level.DEBUG, "backend ''{0}'': dropped a response to a request this session was not sent",
          backend());
        return Future.succeededFuture();
      }
      serverRequests.remove(key);
      return writeOrFail(message);
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
    return writeOrFail(message);
  }

  /** Ends a client session's share: its calls are cancelled, its subscriptions and log level released. */
  Future<Void> close(String sessionId) {
    VirtualSession session = sessions.remove(sessionId);
    if (session == null) {
      return Future.succeededFuture();
    }
    new ArrayList<>(session.calls.values()).forEach(call -> cancel(sessionId, call.callerId, "session closed"));
    for (String uri : session.subscriptions) {
      Set<String> subscribers = subscriptions.get(uri);
      if (subscribers != null && subscribers.remove(sessionId) && subscribers.isEmpty()) {
        subscriptions.remove(uri);
        ownRequest(McpMethod.RESOURCES_UNSUBSCRIBE, new JsonObject().put("uri", uri));
      }
    }
    String most = mostVerbose();
    if (most != null && !most.equals(levelSent) && state == State.READY) {
      levelSent = most;
      ownRequest(McpMethod.LOGGING_SET_LEVEL, new JsonObject().put("level", most));
    }
    if (session.stream != null) {
      session.stream.close();
    }
    return Future.succeededFuture();
  }

  boolean hasSession(String sessionId) {
    return sessions.containsKey(sessionId);
  }

  // ---- the pipe ----------------------------------------------------------------------------------------------------

  private Future<JsonObject> forward(VirtualSession session, Object callerId, String method, JsonObject params,
                                     Handler<JsonObject> onMessage, Context caller) {
    if (pending.size() >= MAX_PENDING) {
      return Future.failedFuture(unreachable("more than " + MAX_PENDING + " requests in flight"));
    }
    long id = ++nextId;
    JsonObject sent = params;
    Object token = null;
    if (params != null && params.getValue("_meta") instanceof JsonObject meta && meta.getValue("progressToken") != null) {
      token = meta.getValue("progressToken");
      sent = params.copy();
      sent.getJsonObject("_meta").put("progressToken", TOKEN_PREFIX + id);
    }
    PendingCall call = new PendingCall(id, session, callerId, token, onMessage, caller);
    if (process == null || !process.write(JsonRpc.request(id, method, sent).toBuffer())) {
      return Future.failedFuture(unreachable(process == null ? "the process is not running"
        : "the process is not reading its input (" + options.stdio().maxQueuedMessages() + " messages queued)"));
    }
    pending.put(id, call);
    if (session != null && callerId != null) {
      session.calls.put(VirtualSession.key(callerId), call);
    }
    call.timer = vertx.setTimer(options.timeout().toMillis(), t -> context.runOnContext(v -> {
      if (pending.remove(id) != null) {
        finish(call, null, new BackendException(backend(), BackendException.Kind.TIMEOUT, "no answer within "
          + options.timeout().toMillis() / 1000.0 + "s"));
        notifyCancelled(id, "timed out");
      }
    }));
    return call.promise.future();
  }

  /** A request of the gateway's own, whose answer is only logged. */
  private void ownRequest(String method, JsonObject params) {
    forward(null, null, method, params, null, context).onFailure(err -> LOG.log(Level.DEBUG,
      "backend ''{0}'': {1} failed: {2}", backend(), method, err.getMessage()));
  }

  private void finish(PendingCall call, JsonObject result, Throwable failure) {
    if (call.timer >= 0) {
      vertx.cancelTimer(call.timer);
    }
    if (call.session != null && call.callerId != null) {
      call.session.calls.remove(VirtualSession.key(call.callerId), call);
    }
    if (failure != null) {
      call.promise.tryFail(failure);
    } else {
      call.promise.tryComplete(result);
    }
  }

  private Future<Void> notifyCancelled(long pipeId, String reason) {
    JsonObject params = new JsonObject().put("requestId", pipeId);
    if (reason != null) {
      params.put("reason", reason);
    }
    return writeOrFail(JsonRpc.notification(McpMethod.NOTIFICATION_CANCELLED, params));
  }

  private Future<Void> writeOrFail(JsonObject message) {
    return write(message) ? Future.succeededFuture() : Future.failedFuture(unreachable("the process is not running"));
  }

  private boolean write(JsonObject message) {
    return process != null && process.write(message.toBuffer());
  }

  private void onLine(Buffer line) {
    JsonObject message;
    try {
      message = new JsonObject(line);
    } catch (DecodeException | ClassCastException e) {
      LOG.log(Level.WARNING, "backend ''{0}'': dropped a stdout line that is not a JSON-RPC message: {1}", backend(),
        snippet(line.toString()));
      return;
    }
    if (message.getValue("method") instanceof String method) {
      if (message.containsKey("id")) {
        ServerRequests.route(this, message, method);
      } else {
        notification(message, method);
      }
    } else if (message.containsKey("id")) {
      response(message);
    }
  }

  private void response(JsonObject message) {
    Object id = message.getValue("id");
    Long key = id instanceof Number n ? Long.valueOf(n.longValue()) : parseLong(id);
    PendingCall call = key == null ? null : pending.remove(key);
    if (call == null) {
      LOG.log(Level.DEBUG, "backend ''{0}'': dropped a response to no request in flight", backend());
      return;
    }
    Object error = message.getValue("error");
    if (error != null) {
      finish(call, null, Errors.fromResponse(backend(), error));
    } else if (message.getValue("result") instanceof JsonObject result) {
      finish(call, result, null);
    } else {
      finish(call, null, new BackendException(backend(), BackendException.Kind.PROTOCOL,
        "JSON-RPC result is not an object"));
    }
  }

  private void notification(JsonObject message, String method) {
    JsonObject params = message.getValue("params") instanceof JsonObject p ? p : new JsonObject();
    switch (method) {
      case McpMethod.NOTIFICATION_PROGRESS -> {
        PendingCall call = byToken(params.getValue("progressToken"));
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
        Set<String> subscribers = subscriptions.getOrDefault(params.getString("uri", ""), Set.of());
        subscribers.forEach(id -> {
          VirtualSession session = sessions.get(id);
          if (session != null) {
            session.deliver(message);
          }
        });
      }
      case McpMethod.NOTIFICATION_CANCELLED -> {
        String owner = serverRequests.remove(VirtualSession.key(params.getValue("requestId")));
        VirtualSession session = owner == null ? null : sessions.get(owner);
        if (session != null) {
          session.deliver(message);
        }
      }
      default -> fanOut(message);
    }
  }

  private void fanOut(JsonObject message) {
    sessions.values().forEach(s -> s.deliver(message));
  }

  private PendingCall byToken(Object token) {
    if (token instanceof String text && text.startsWith(TOKEN_PREFIX)) {
      Long id = parseLong(text.substring(TOKEN_PREFIX.length()));
      return id == null ? null : pending.get(id);
    }
    return null;
  }

  // ---- for ServerRequests --------------------------------------------------------------------------------------------

  Map<Long, PendingCall> pending() {
    return pending;
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

  void passed(Object serverRequestId, String sessionId) {
    serverRequests.put(VirtualSession.key(serverRequestId), sessionId);
  }

  void answer(JsonObject response) {
    write(response);
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

  private static Long parseLong(Object id) {
    if (id instanceof String text) {
      try {
        return Long.valueOf(text);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
