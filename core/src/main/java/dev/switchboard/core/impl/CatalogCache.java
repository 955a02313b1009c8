package dev.switchboard.core.impl;

import dev.switchboard.core.backend.StreamObserver;
import dev.switchboard.core.bus.Identity;
import dev.switchboard.core.catalog.BackendCatalog;
import dev.switchboard.core.protocol.McpMethod;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Each backend's catalog as its sessions see it, read once and shared by every new session that would see the same
 * one, so that a new session costs each backend an {@code initialize} and no list calls.
 *
 * <p>An entry is keyed on what the backend sees of the session: the backend, the caller when the backend's
 * credentials depend on the caller (token exchange), and the client features the gateway relays to it, reduced to
 * what the protocol defines. It is dropped when a stream of that backend on this instance (a session's standalone
 * stream or a call's) announces a list change, when the backend goes down or comes back, when the configuration
 * changes, and after {@code ttl} in any case: what bounds staleness for a backend that changes its lists while no
 * session here listens, and for a change seen only by another instance (entries are per instance). Concurrent misses
 * of one key share one read; a read started before a drop is not kept. At most {@code maxEntries} entries are held;
 * past that, a read is used once and not kept.
 */
final class CatalogCache {
  /** The notifications that say a backend's list changed. */
  static final Set<String> LIST_CHANGED = Set.of(McpMethod.NOTIFICATION_TOOLS_LIST_CHANGED,
    McpMethod.NOTIFICATION_PROMPTS_LIST_CHANGED, McpMethod.NOTIFICATION_RESOURCES_LIST_CHANGED);

  private final Map<Key, Held> entries = new ConcurrentHashMap<>();
  /** Invalidations per backend, and configurations: a read started before one of them is not kept. */
  private final Map<String, Long> changes = new ConcurrentHashMap<>();
  private final AtomicLong configurations = new AtomicLong();
  private final LongSupplier clock;
  private volatile long ttlNanos;
  private volatile int maxEntries;

  CatalogCache(Duration ttl, int maxEntries) {
    this(ttl, maxEntries, System::nanoTime);
  }

  CatalogCache(Duration ttl, int maxEntries, LongSupplier clock) {
    this.clock = clock;
    configure(ttl, maxEntries);
  }

  /** New bounds; what is held is dropped (the configuration, and with it what backends list, may have changed). */
  void configure(Duration ttl, int maxEntries) {
    this.ttlNanos = ttl.toNanos();
    this.maxEntries = maxEntries;
    configurations.incrementAndGet();
    entries.clear();
  }

  /**
   * The cached catalog of {@code key}, else the one {@code read} returns, kept for the next sessions. A cached read
   * that fails is dropped, and the caller reads on its own session instead.
   */
  Future<BackendCatalog> get(Key key, Supplier<Future<BackendCatalog>> read) {
    if (ttlNanos <= 0 || maxEntries <= 0) {
      return read.get();
    }
    long now = clock.getAsLong();
    Held held = entries.get(key);
    if (held != null && now - held.readAt < ttlNanos) {
      return held.catalog.recover(err -> read.get());
    }
    if (entries.size() >= maxEntries) {
      entries.values().removeIf(entry -> now - entry.readAt >= ttlNanos);
      if (entries.size() >= maxEntries) {
        return read.get();
      }
    }
    long configured = configurations.get();
    long changed = changes.getOrDefault(key.backend(), 0L);
    Future<BackendCatalog> reading = read.get();
    Held entry = new Held(reading, now);
    entries.put(key, entry);
    if (configurations.get() != configured || changes.getOrDefault(key.backend(), 0L) != changed) {
      // dropped while the read was being started: what it returns may be from before the change
      entries.remove(key, entry);
    }
    reading.onFailure(err -> entries.remove(key, entry));
    return reading;
  }

  /** Drops every catalog of {@code backend}: it announced a change, went down or came back. */
  void invalidate(String backend) {
    changes.merge(backend, 1L, Long::sum);
    entries.keySet().removeIf(key -> key.backend().equals(backend));
  }

  /**
   * {@code next}, dropping {@code backend}'s catalogs first when a message announces that one of its lists changed:
   * for the streams of calls, which carry such notifications too. A pause is passed on as it is; a call without a
   * stream ({@code next} null) stays without one.
   */
  StreamObserver watching(String backend, StreamObserver next) {
    if (next == null) {
      return null;
    }
    return new StreamObserver() {
      @Override
      public void handle(JsonObject message) {
        if (LIST_CHANGED.contains(message.getValue("method"))) {
          invalidate(backend);
        }
        next.handle(message);
      }

      @Override
      public void paused() {
        next.paused();
      }
    };
  }

  int size() {
    return entries.size();
  }

  /**
   * What a backend sees of a session.
   *
   * @param backend  the backend's name
   * @param caller   the caller, when the backend's credentials depend on it; else null
   * @param features the relayed client features, canonical ({@code RelayedFeatures.canonical})
   */
  record Key(String backend, Identity caller, JsonObject features) {
  }

  private record Held(Future<BackendCatalog> catalog, long readAt) {
  }
}
