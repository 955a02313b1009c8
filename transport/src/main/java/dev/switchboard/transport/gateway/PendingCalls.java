package dev.switchboard.transport.gateway;

import dev.switchboard.core.bus.CallEvent;
import dev.switchboard.core.bus.CoreBus;
import dev.switchboard.core.bus.CoreCall;
import dev.switchboard.core.bus.CoreReply;
import dev.switchboard.core.bus.SessionContext;
import dev.switchboard.core.bus.StreamMessage;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The calls this transport verticle has sent to core and not yet had answered. One event-bus consumer serves them
 * all: core sends each call's stream messages and then its reply to that one address ({@link CallEvent}), so they
 * arrive in order and no call needs an address, a consumer or a timer of its own. A sweep fails calls whose reply is
 * overdue ({@link CoreBus#callTimeout()}).
 */
final class PendingCalls {
  private static final long SWEEP_MILLIS = 1000;

  private record Pending(Promise<CoreReply> reply, Handler<StreamMessage> onMessage, long deadline) {
  }

  private final CoreBus core;
  private final String address = "switchboard.transport.calls." + UUID.randomUUID();
  private final Map<Long, Pending> calls = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final long timeoutNanos;
  private final MessageConsumer<CallEvent> consumer;
  private final long sweeper;
  private final Vertx vertx;

  PendingCalls(Vertx vertx, CoreBus core) {
    this.vertx = vertx;
    this.core = core;
    this.timeoutNanos = core.callTimeout().toNanos();
    this.consumer = vertx.eventBus().localConsumer(address, msg -> onEvent(msg.body()));
    this.sweeper = vertx.setPeriodic(SWEEP_MILLIS, id -> sweep());
  }

  /**
   * Sends a call to core.
   *
   * @param onMessage receives the messages the backend streams before the reply, on this verticle's context; null
   *                  when the caller cannot stream them (a batch)
   */
  Future<CoreReply> call(SessionContext session, Object requestId, String method, JsonObject params,
                         Handler<StreamMessage> onMessage) {
    long id = ids.incrementAndGet();
    Promise<CoreReply> reply = Promise.promise();
    calls.put(id, new Pending(reply, onMessage, System.nanoTime() + timeoutNanos));
    core.call(new CoreCall(session, requestId, method, params, address, id, onMessage != null));
    return reply.future();
  }

  /** Calls awaiting their reply. */
  int size() {
    return calls.size();
  }

  private void onEvent(CallEvent event) {
    if (event.reply() == null) {
      Pending pending = calls.get(event.callId());
      if (pending != null && pending.onMessage() != null) {
        pending.onMessage().handle(event.message());
      }
      return;
    }
    Pending pending = calls.remove(event.callId());
    if (pending != null) {
      pending.reply().complete(event.reply());
    }
  }

  private void sweep() {
    long now = System.nanoTime();
    calls.forEach((id, pending) -> {
      if (now - pending.deadline() > 0 && calls.remove(id, pending)) {
        pending.reply().fail(new TimeoutException("core did not answer call " + id + " in time"));
      }
    });
  }

  /** Stops listening; calls still waiting fail. */
  void close() {
    vertx.cancelTimer(sweeper);
    consumer.unregister();
    calls.forEach((id, pending) -> {
      if (calls.remove(id, pending)) {
        pending.reply().fail(new TimeoutException("transport stopped"));
      }
    });
  }
}
