package dev.switchboard.core.backend.pipe;

import dev.switchboard.core.backend.BackendException;
import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.protocol.JsonRpc;
import dev.switchboard.core.protocol.McpMethod;
import dev.switchboard.core.protocol.RequestIdKey;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The requests in flight on one pipe: each is written under a gateway-owned integer id, with its progress token
 * replaced by {@code sb-progress-<id>}; answers are matched by that id; a timeout or a cancellation sends
 * {@code notifications/cancelled} with it. Bounded by {@link #MAX_PENDING}. Used on the owner's context only.
 */
final class PipeCalls {
  private static final System.Logger LOG = System.getLogger(PipeCalls.class.getName());
  /** Most requests in flight on one pipe. */
  static final int MAX_PENDING = 10_000;
  private static final String TOKEN_PREFIX = "sb-progress-";

  private final Vertx vertx;
  private final Context context;
  private final BackendOptions options;
  private final Map<Long, PendingCall> pending = new HashMap<>();
  private Pipe pipe;
  private long nextId;

  PipeCalls(Vertx vertx, Context context, BackendOptions options) {
    this.vertx = vertx;
    this.context = context;
    this.options = options;
  }

  /** The pipe requests go to from now on (null while there is none). */
  void pipe(Pipe current) {
    this.pipe = current;
  }

  Collection<PendingCall> inFlight() {
    return pending.values();
  }

  /** Sends a request; completes with its {@code result}, or fails (JSON-RPC error, timeout, pipe lost). */
  Future<JsonObject> send(VirtualSession session, Object callerId, String method, JsonObject params,
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
    if (pipe == null || !pipe.write(JsonRpc.request(id, method, sent).toBuffer())) {
      return Future.failedFuture(unreachable(pipe == null ? "not connected"
        : "not taking messages (its input queue is full)"));
    }
    pending.put(id, call);
    if (session != null && callerId != null) {
      session.calls.put(RequestIdKey.of(callerId), call);
    }
    call.timer = vertx.setTimer(options.timeout().toMillis(), t -> context.runOnContext(v -> {
      if (pending.remove(id) != null) {
        finish(call, null, new BackendException(options.name(), BackendException.Kind.TIMEOUT, "no answer within "
          + options.timeout().toMillis() / 1000.0 + "s"));
        notifyCancelled(id, "timed out");
      }
    }));
    return call.promise.future();
  }

  /** A request of the gateway's own, whose answer is only logged when it fails. */
  void own(String method, JsonObject params) {
    send(null, null, method, params, null, context).onFailure(err -> LOG.log(Level.DEBUG,
      "backend ''{0}'': {1} failed: {2}", options.name(), method, err.getMessage()));
  }

  /** Stops waiting for a call and tells the process it is cancelled. */
  Future<Void> cancel(PendingCall call, BackendException why, String reason) {
    pending.remove(call.pipeId);
    finish(call, null, why);
    return notifyCancelled(call.pipeId, reason);
  }

  /** Matches an answer from the pipe to its call. */
  void answered(JsonObject message) {
    Object id = message.getValue("id");
    Long key = id instanceof Number n ? Long.valueOf(n.longValue()) : parseLong(id);
    PendingCall call = key == null ? null : pending.remove(key);
    if (call == null) {
      LOG.log(Level.DEBUG, "backend ''{0}'': dropped a response to no request in flight", options.name());
      return;
    }
    Object error = message.getValue("error");
    if (error != null) {
      finish(call, null, Errors.fromResponse(options.name(), error));
    } else if (message.getValue("result") instanceof JsonObject result) {
      finish(call, result, null);
    } else {
      finish(call, null, new BackendException(options.name(), BackendException.Kind.PROTOCOL,
        "JSON-RPC result is not an object"));
    }
  }

  /** The call a progress token on the pipe belongs to, or null. */
  PendingCall byToken(Object token) {
    if (token instanceof String text && text.startsWith(TOKEN_PREFIX)) {
      Long id = parseLong(text.substring(TOKEN_PREFIX.length()));
      return id == null ? null : pending.get(id);
    }
    return null;
  }

  void failAll(Throwable cause) {
    List<PendingCall> calls = new ArrayList<>(pending.values());
    pending.clear();
    calls.forEach(call -> finish(call, null, cause));
  }

  boolean write(JsonObject message) {
    return pipe != null && pipe.write(message.toBuffer());
  }

  Future<Void> writeOrFail(JsonObject message) {
    return write(message) ? Future.succeededFuture() : Future.failedFuture(unreachable("not connected"));
  }

  private void finish(PendingCall call, JsonObject result, Throwable failure) {
    if (call.timer >= 0) {
      vertx.cancelTimer(call.timer);
    }
    if (call.session != null && call.callerId != null) {
      call.session.calls.remove(RequestIdKey.of(call.callerId), call);
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

  private BackendException unreachable(String message) {
    return new BackendException(options.name(), BackendException.Kind.UNREACHABLE, message);
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
