package dev.switchboard.core.backend.pipe;

import dev.switchboard.core.backend.BackendException;
import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.protocol.JsonRpc;
import dev.switchboard.core.protocol.McpMethod;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.json.JsonObject;
import java.lang.System.Logger.Level;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The requests in flight on one pipe: each is written under a gateway-owned integer id, with its progress token
 * replaced by {@code sb-progress-<id>}; answers are matched by that id; a timeout or a cancellation sends
 * {@code notifications/cancelled} with it. Bounded by {@link #MAX_PENDING}. A call completes on the context its
 * sender names: the owner's, or for a plain call the caller's. Calls are sent and answered from any thread (see
 * {@link PipeSession}); timeouts, cancellations and failures run on the owner's context.
 */
final class PipeCalls {
  private static final System.Logger LOG = System.getLogger(PipeCalls.class.getName());
  /** Most requests in flight on one pipe. */
  static final int MAX_PENDING = 10_000;
  private static final String TOKEN_PREFIX = "sb-progress-";

  private final Context context;
  private final BackendOptions options;
  private final Map<Long, PendingCall> pending = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong();
  private volatile Pipe pipe;

  PipeCalls(Context context, BackendOptions options) {
    this.context = context;
    this.options = options;
  }

  /** The owner's context. */
  Context owner() {
    return context;
  }

  /**
   * The pipe requests go to from now on (null while there is none). The fence orders this write before the owner's
   * next look at the calls in flight ({@link #failAll}), against a sender that adds a call and then reads the pipe.
   */
  void pipe(Pipe current) {
    this.pipe = current;
    VarHandle.fullFence();
  }

  Collection<PendingCall> inFlight() {
    return pending.values();
  }

  /**
   * Sends a request; completes on {@code completion} with its {@code result}, or fails (JSON-RPC error, timeout, pipe
   * lost). A plain call is sent from its caller's thread while the owner's context may close its session, cancel it
   * or lose the process, so the order matters: the call is in flight (in {@code pending}, then in its session's
   * calls) before anything else looks at it, and only then is it checked against the session's end and the pipe's,
   * and written. Its answer may be read on another thread as soon as it is written.
   *
   * @param caller where messages about the call (progress, server-to-client requests) go
   */
  Future<JsonObject> send(VirtualSession session, Object callerId, String method, JsonObject params,
                          Handler<JsonObject> onMessage, Context caller, Context completion) {
    if (pending.size() >= MAX_PENDING) {
      return Future.failedFuture(unreachable("more than " + MAX_PENDING + " requests in flight"));
    }
    Pipe target = pipe;
    if (target == null) {
      return Future.failedFuture(unreachable("not connected"));
    }
    long id = nextId.incrementAndGet();
    JsonObject sent = params;
    Object token = null;
    if (params != null && params.getValue("_meta") instanceof JsonObject meta && meta.getValue("progressToken") != null) {
      token = meta.getValue("progressToken");
      sent = params.copy();
      sent.getJsonObject("_meta").put("progressToken", TOKEN_PREFIX + id);
    }
    Buffer request = JsonRpc.request(id, method, sent).toBuffer();
    PendingCall call = new PendingCall(id, session, callerId, token, onMessage, caller, completion);
    pending.put(id, call);
    if (call.key != null && session.calls.putIfAbsent(call.key, call) != null) {
      pending.remove(id, call);
      return Future.failedFuture(PipeSession.inFlightAlready(callerId));
    }
    // orders the registrations above before the reads of the session's flag and the pipe below, as the owner's
    // fences (PipeSession.close, pipe()) order those writes before its look at the calls in flight
    VarHandle.fullFence();
    try {
      call.timer = timer(call);
    } catch (RejectedExecutionException e) {
      withdraw(call);
      return Future.failedFuture(unreachable("the gateway is shutting down"));
    }
    if (call.finished()) {
      call.timer.cancel(false);
      if (call.key != null) {
        call.session.calls.remove(call.key, call);
      }
      return call.promise.future();
    }
    if (session != null && session.closed) {
      withdraw(call);
      return Future.failedFuture(new BackendException(options.name(), BackendException.Kind.SESSION_EXPIRED,
        "the session was closed"));
    }
    if (pipe != target) {
      withdraw(call);
      return Future.failedFuture(unreachable("the process ended"));
    }
    if (!target.write(request)) {
      withdraw(call);
      return Future.failedFuture(unreachable("not taking messages (its input queue is full)"));
    }
    if (call.cancelled) {
      target.write(cancelled(id, "cancelled"));
    }
    return call.promise.future();
  }

  /**
   * The call's timeout: a task on the calling context's event loop, which on every path but a worker caller's is its
   * completion context's (a Vert.x timer would also register in a map shared by every loop), whose expiry runs on the
   * owner's context.
   */
  private ScheduledFuture<?> timer(PendingCall call) {
    Context current = Vertx.currentContext();
    ContextInternal on = (ContextInternal) (current != null ? current : context);
    return on.nettyEventLoop().schedule(() -> context.runOnContext(v -> {
      if (pending.remove(call.pipeId, call)) {
        notifyCancelled(call.pipeId, "timed out");
        finish(call, null, new BackendException(options.name(), BackendException.Kind.TIMEOUT, "no answer within "
          + options.timeout().toMillis() / 1000.0 + "s"));
      }
    }), Math.max(1, options.timeout().toMillis()), TimeUnit.MILLISECONDS);
  }

  /** Takes back a call that was not written; the caller gets the failure {@code send} returns instead. */
  private void withdraw(PendingCall call) {
    pending.remove(call.pipeId, call);
    if (call.key != null) {
      call.session.calls.remove(call.key, call);
    }
    if (call.finish() && call.timer != null) {
      call.timer.cancel(false);
    }
  }

  /** A request of the gateway's own, whose answer is only logged when it fails. */
  void own(String method, JsonObject params) {
    send(null, null, method, params, null, context, context).onFailure(err -> LOG.log(Level.DEBUG,
      "backend ''{0}'': {1} failed: {2}", options.name(), method, err.getMessage()));
  }

  /** Stops waiting for a call and tells the process it is cancelled. */
  Future<Void> cancel(PendingCall call, BackendException why, String reason) {
    call.cancelled = true;
    pending.remove(call.pipeId);
    finish(call, null, why);
    return notifyCancelled(call.pipeId, reason);
  }

  /** Matches an answer from the pipe to its call; any thread. */
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
    for (Long id : new ArrayList<>(pending.keySet())) {
      PendingCall call = pending.remove(id);
      if (call != null) {
        finish(call, null, cause);
      }
    }
  }

  boolean write(JsonObject message) {
    return write(message.toBuffer());
  }

  private boolean write(Buffer message) {
    Pipe current = pipe;
    return current != null && current.write(message);
  }

  Future<Void> writeOrFail(JsonObject message) {
    return write(message) ? Future.succeededFuture() : Future.failedFuture(unreachable("not connected"));
  }

  /**
   * Completes a call once (later outcomes are dropped), on its completion context; any thread. The timer is
   * cancelled there too: it runs on that context's event loop, where a cancellation is a plain removal rather than
   * one more task handed to the loop.
   */
  private void finish(PendingCall call, JsonObject result, Throwable failure) {
    if (!call.finish()) {
      return;
    }
    if (call.key != null) {
      call.session.calls.remove(call.key, call);
    }
    if (Vertx.currentContext() == call.completion) {
      complete(call, result, failure);
    } else {
      call.completion.runOnContext(v -> complete(call, result, failure));
    }
  }

  private static void complete(PendingCall call, JsonObject result, Throwable failure) {
    ScheduledFuture<?> timer = call.timer;
    if (timer != null) {
      timer.cancel(false);
    }
    call.complete(result, failure);
  }

  private Future<Void> notifyCancelled(long pipeId, String reason) {
    return write(cancelled(pipeId, reason)) ? Future.succeededFuture() : Future.failedFuture(unreachable(
      "not connected"));
  }

  private static Buffer cancelled(long pipeId, String reason) {
    JsonObject params = new JsonObject().put("requestId", pipeId);
    if (reason != null) {
      params.put("reason", reason);
    }
    return JsonRpc.notification(McpMethod.NOTIFICATION_CANCELLED, params).toBuffer();
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
