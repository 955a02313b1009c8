package dev.switchboard.transport.session;

import dev.switchboard.core.bus.ClientSession;
import dev.switchboard.core.bus.Identity;
import dev.switchboard.core.bus.SessionContext;
import dev.switchboard.session.SessionRecord;
import io.vertx.core.Future;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A session as this instance holds it: its record, and once registered, its {@link SessionContext} (backend
 * sessions and the shared capability view). Thread-safe: requests of one session may arrive on several event loops.
 */
public final class LocalSession {
  private final ClientSession client;
  private final AtomicReference<Future<SessionContext>> registration = new AtomicReference<>();
  private volatile SessionRecord record;
  private volatile long lastSeenNanos;
  private volatile long lastTouchNanos;
  private final AtomicBoolean terminated = new AtomicBoolean();
  private volatile String logLevel;
  private volatile String listenAddress;
  private final Set<String> subscriptions = ConcurrentHashMap.newKeySet();
  private final List<Runnable> onTerminate = new CopyOnWriteArrayList<>();
  private final AtomicReference<Object> standalone = new AtomicReference<>();
  private final AtomicInteger openStreams = new AtomicInteger();

  LocalSession(SessionRecord record, long nowNanos) {
    this.record = record;
    this.client = new ClientSession(record.id(), new Identity(record.issuer(), record.subject()),
      record.protocolVersion(), record.clientInfo(), record.clientCapabilities());
    this.lastSeenNanos = nowNanos;
    this.lastTouchNanos = nowNanos;
  }

  public String id() {
    return record.id();
  }

  public String protocolVersion() {
    return record.protocolVersion();
  }

  public ClientSession client() {
    return client;
  }

  public SessionRecord record() {
    return record;
  }

  void record(SessionRecord newRecord) {
    this.record = newRecord;
  }

  AtomicReference<Future<SessionContext>> registration() {
    return registration;
  }

  /** The registered context, or null while phase 2 has not completed. */
  public SessionContext contextIfReady() {
    Future<SessionContext> f = registration.get();
    return f != null && f.succeeded() ? f.result() : null;
  }

  boolean boundTo(Identity identity) {
    return client.identity().equals(identity);
  }

  long lastSeenNanos() {
    return lastSeenNanos;
  }

  void seen(long nowNanos) {
    lastSeenNanos = nowNanos;
  }

  long lastTouchNanos() {
    return lastTouchNanos;
  }

  void touched(long nowNanos) {
    lastTouchNanos = nowNanos;
  }

  public boolean terminated() {
    return terminated.get();
  }

  /** Ends the session on this instance, once; its hooks run then. */
  void terminate() {
    if (terminated.compareAndSet(false, true)) {
      for (Runnable action : onTerminate) {
        if (onTerminate.remove(action)) {
          action.run();
        }
      }
    }
  }

  /**
   * Runs when the session ends on this instance (deleted, expired or invalidated), or at once if it already has.
   */
  public void onTerminate(Runnable action) {
    onTerminate.add(action);
    if (terminated.get() && onTerminate.remove(action)) {
      action.run();
    }
  }

  /** Where core sends the session's standalone messages, when they must be listened to from registration on. */
  public String listenAddress() {
    return listenAddress;
  }

  public void listenAddress(String address) {
    this.listenAddress = address;
  }

  /** The level set by {@code logging/setLevel}, or null (everything passes). */
  public String logLevel() {
    return logLevel;
  }

  public void logLevel(String level) {
    this.logLevel = level;
  }

  /** Resource URIs the client subscribed to (bounded). */
  /**
   * Takes one of the session's GET stream places on this instance; false when {@code max} are open. Give it back
   * with {@link #streamClosed()}.
   */
  public boolean streamOpened(int max) {
    while (true) {
      int open = openStreams.get();
      if (open >= max) {
        return false;
      }
      if (openStreams.compareAndSet(open, open + 1)) {
        return true;
      }
    }
  }

  public void streamClosed() {
    openStreams.decrementAndGet();
  }

  public Set<String> subscriptions() {
    return subscriptions;
  }

  /** This instance's per-session state for the standalone stream, or null when nobody made it yet. */
  @SuppressWarnings("unchecked")
  public <T> T standaloneIfPresent() {
    return (T) standalone.get();
  }

  /**
   * This instance's per-session state for the standalone stream, created once by whoever needs it first.
   */
  @SuppressWarnings("unchecked")
  public <T> T standalone(Supplier<T> create) {
    Object current = standalone.get();
    if (current == null) {
      T created = create.get();
      current = standalone.compareAndExchange(null, created);
      if (current == null) {
        return created;
      }
    }
    return (T) current;
  }
}
