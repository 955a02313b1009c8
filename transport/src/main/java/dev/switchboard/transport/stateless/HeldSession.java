package dev.switchboard.transport.stateless;

import dev.switchboard.core.bus.ClientSession;
import dev.switchboard.core.bus.SessionContext;
import dev.switchboard.core.bus.StreamMessage;
import dev.switchboard.core.bus.ViewChanged;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

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
  private final AtomicReference<Future<SessionContext>> context = new AtomicReference<>(opening.future());
  private volatile MessageConsumer<Object> consumer;
  private volatile long lastUsedNanos;

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
    return context.get();
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

  long lastUsedNanos() {
    return lastUsedNanos;
  }

  /**
   * A call or stream starts using the set; false once the set is closed. A set in use is not closed for idleness or
   * to make room ({@link #tryClose()}).
   */
  boolean tryAcquire(long nowNanos) {
    while (true) {
      int count = users.get();
      if (count < 0) {
        return false;
      }
      if (users.compareAndSet(count, count + 1)) {
        lastUsedNanos = nowNanos;
        return true;
      }
    }
  }

  void release(long nowNanos) {
    lastUsedNanos = nowNanos;
    users.updateAndGet(count -> count > 0 ? count - 1 : count);
  }

  boolean inUse() {
    return users.get() > 0;
  }

  /** Closes the set if nobody uses it: nobody can acquire it afterwards. */
  boolean tryClose() {
    return users.compareAndSet(0, -1);
  }

  /** Closes the set whoever uses it (it failed to open, or the gateway stops). */
  void forceClose() {
    users.set(Integer.MIN_VALUE);
  }

  boolean closed() {
    return users.get() < 0;
  }

  /** A resource subscription of the set on its backend, shared by the set's listen streams. */
  private record Subscription(Future<Void> made, int listeners) {
  }

  private final Map<String, Subscription> subscriptions = new HashMap<>();

  /** A listen stream follows {@code uri}: the first one makes the backend subscription ({@code make}). */
  synchronized Future<Void> subscribe(String uri, Supplier<Future<Void>> make) {
    Subscription existing = subscriptions.get(uri);
    if (existing != null && !existing.made().failed()) {
      subscriptions.put(uri, new Subscription(existing.made(), existing.listeners() + 1));
      return existing.made();
    }
    Future<Void> made = make.get();
    subscriptions.put(uri, new Subscription(made, 1));
    return made;
  }

  /** A listen stream stops following {@code uri}: the last one ends the backend subscription ({@code end}). */
  synchronized void unsubscribe(String uri, Supplier<Future<Void>> end) {
    Subscription existing = subscriptions.get(uri);
    if (existing == null) {
      return;
    }
    if (existing.listeners() > 1) {
      subscriptions.put(uri, new Subscription(existing.made(), existing.listeners() - 1));
      return;
    }
    subscriptions.remove(uri);
    if (existing.made().succeeded()) {
      end.get();
    }
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
      update(old -> new SessionContext(old.client(),
        changed.backendSessions() != null ? changed.backendSessions() : old.backendSessions(), changed.view()));
    }
    listeners.forEach(listener -> listener.accept(body));
  }

  /** The backend sessions were renewed during a call. */
  void backendSessionsChanged(Map<String, String> backendSessions) {
    update(old -> new SessionContext(old.client(), backendSessions, old.view()));
  }

  /** Replaces the opened context atomically (view changes and renewals arrive on different threads). */
  private void update(UnaryOperator<SessionContext> change) {
    context.updateAndGet(current -> current.succeeded() ? Future.succeededFuture(change.apply(current.result()))
      : current);
  }
}
