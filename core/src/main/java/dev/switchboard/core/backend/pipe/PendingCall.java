package dev.switchboard.core.backend.pipe;

import dev.switchboard.core.protocol.RequestIdKey;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request in flight on a process, under the gateway's own id on the pipe. {@code session} is null for the
 * gateway's own requests (initialize, re-subscriptions).
 */
final class PendingCall {
  final long pipeId;
  final VirtualSession session;
  final Object callerId;
  final Object progressToken;
  final Handler<JsonObject> onMessage;
  final Context caller;
  /** Where the call completes: the owner's context, or the caller's for a call that skipped the hop. */
  final Context completion;
  /** The key of {@link #callerId} in its session's calls, or null for a call that has none (no session or id). */
  final String key;
  final Promise<JsonObject> promise = Promise.promise();
  /** Set once, after the call is in flight and before it is written. */
  volatile ScheduledFuture<?> timer;
  /** Set by a cancellation (a client's, a close's); one that lands while the call is written is sent again. */
  volatile boolean cancelled;
  private final AtomicBoolean finished = new AtomicBoolean();

  PendingCall(long pipeId, VirtualSession session, Object callerId, Object progressToken, Handler<JsonObject> onMessage,
              Context caller, Context completion) {
    this.pipeId = pipeId;
    this.session = session;
    this.callerId = callerId;
    this.progressToken = progressToken;
    this.onMessage = onMessage;
    this.caller = caller;
    this.completion = completion;
    this.key = session != null && callerId != null ? RequestIdKey.of(callerId) : null;
  }

  /** Marks the call finished; true the first time only (the outcome that wins). */
  boolean finish() {
    return finished.compareAndSet(false, true);
  }

  boolean finished() {
    return finished.get();
  }

  /** On {@link #completion}: the first outcome wins. */
  void complete(JsonObject result, Throwable failure) {
    if (failure != null) {
      promise.tryFail(failure);
    } else {
      promise.tryComplete(result);
    }
  }

  /**
   * Passes a message the process sent about this call (progress, a server-to-client request) to the caller, ahead of
   * the call's result (which reaches the caller's context after it).
   */
  void deliver(JsonObject message) {
    if (onMessage == null) {
      return;
    }
    if (Vertx.currentContext() == caller) {
      onMessage.handle(message);
    } else {
      caller.runOnContext(v -> onMessage.handle(message));
    }
  }
}
