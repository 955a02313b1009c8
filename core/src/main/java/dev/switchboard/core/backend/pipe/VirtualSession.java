package dev.switchboard.core.backend.pipe;

import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One client session's share of a process: the id the core knows it by (its "backend session id"), what its client
 * declared, the log level it asked for, the resources it subscribed to, its calls in flight by the client's own
 * request id, and its standalone stream. Changed on the owner's context only, except {@link #calls} (also
 * changed by a plain call on its caller's thread, and when a call finishes, on the pipe's reading thread) and
 * {@link #lastUsedNanos} (see {@link PipeSession#call}).
 */
final class VirtualSession {
  final String id;
  final JsonObject capabilities;
  final Map<String, PendingCall> calls = new ConcurrentHashMap<>();
  final Set<String> subscriptions = new HashSet<>();
  String logLevel;
  volatile boolean closed;
  volatile long lastUsedNanos = System.nanoTime();
  VirtualStream stream;

  VirtualSession(String id, JsonObject capabilities) {
    this.id = id;
    this.capabilities = capabilities == null ? new JsonObject() : capabilities;
  }

  /** Whether the session has had no call and no open stream since {@code cutoffNanos}. */
  boolean idleSince(long cutoffNanos) {
    return calls.isEmpty() && (stream == null || stream.isClosed()) && lastUsedNanos - cutoffNanos < 0;
  }

  /** Passes a message to the session's standalone stream; false when it has none open. */
  boolean deliver(JsonObject message) {
    VirtualStream open = stream;
    if (open == null || open.isClosed()) {
      return false;
    }
    open.deliver(message);
    return true;
  }

}
