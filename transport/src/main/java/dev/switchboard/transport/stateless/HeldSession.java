package dev.switchboard.transport.stateless;

import dev.switchboard.core.bus.ClientSession;
import dev.switchboard.core.bus.SessionContext;
import dev.switchboard.core.bus.StreamMessage;
import dev.switchboard.core.bus.ViewChanged;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A set of backend sessions the gateway holds for stateless callers of one identity that declare the same client
 * capabilities: the backends see one session-era client. Its view follows the backends' list changes (core sends
 * {@link ViewChanged} to its address), which it passes on to its {@code subscriptions/listen} streams. Thread-safe.
 */
final class HeldSession {
  private final HeldSessions.HeldKey key;
  private final ClientSession client;
  private final String address;
  private final Set<Consumer<Object>> listeners = new CopyOnWriteArraySet<>();
  private final AtomicInteger users = new AtomicInteger();
  private final Promise<SessionContext> opening = Promise.promise();
  private volatile Future<SessionContext> context = opening.future();
  private volatile MessageConsumer<Object> consumer;
  private volatile long lastUsedNanos;
  private volatile boolean closed;

  HeldSession(HeldSessions.HeldKey key, ClientSession client, String address, long nowNanos) {
    this.key = key;
    this.client = client;
    this.address = address;
    this.lastUsedNanos = nowNanos;
  }

  HeldSessions.HeldKey key() {
    return key;
  }

  ClientSession client() {
    return client;
  }

  /** Where core sends this set's view changes and standalone-stream messages. */
  String address() {
    return address;
  }

  Future<SessionContext> context() {
    return context;
  }

  /** Completed once the backend sessions are open. */
  Promise<SessionContext> opening() {
    return opening;
  }

  void consumer(MessageConsumer<Object> newConsumer) {
    this.consumer = newConsumer;
  }

  MessageConsumer<Object> consumer() {
    return consumer;
  }

  void used(long nowNanos) {
    lastUsedNanos = nowNanos;
  }

  long lastUsedNanos() {
    return lastUsedNanos;
  }

  /** A call or stream that uses the set starts; a set in use is not closed for idleness. */
  void acquire() {
    users.incrementAndGet();
  }

  void release(long nowNanos) {
    users.decrementAndGet();
    lastUsedNanos = nowNanos;
  }

  boolean inUse() {
    return users.get() > 0;
  }

  boolean closed() {
    return closed;
  }

  void markClosed() {
    closed = true;
  }

  /** Adds a listener of what arrives at the set's address ({@link ViewChanged}, {@link StreamMessage}). */
  void listen(Consumer<Object> listener) {
    listeners.add(listener);
  }

  void unlisten(Consumer<Object> listener) {
    listeners.remove(listener);
  }

  /** What core sent: a new view is kept, then everything goes to the listeners. */
  void onMessage(Object body) {
    if (body instanceof ViewChanged changed) {
      Future<SessionContext> current = context;
      if (current != null && current.succeeded()) {
        SessionContext old = current.result();
        context = Future.succeededFuture(new SessionContext(old.client(),
          changed.backendSessions() != null ? changed.backendSessions() : old.backendSessions(), changed.view()));
      }
    }
    listeners.forEach(listener -> listener.accept(body));
  }

  /** The backend sessions were renewed during a call. */
  void backendSessionsChanged(Map<String, String> backendSessions) {
    Future<SessionContext> current = context;
    if (current != null && current.succeeded()) {
      SessionContext old = current.result();
      context = Future.succeededFuture(new SessionContext(old.client(), backendSessions, old.view()));
    }
  }
}
