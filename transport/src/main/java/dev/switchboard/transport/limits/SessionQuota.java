package dev.switchboard.transport.limits;

import dev.switchboard.core.bus.Identity;
import dev.switchboard.core.protocol.McpException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the sessions this instance issued and holds, and refuses a new one beyond {@code maxSessions},
 * {@code maxPendingSessions}, {@code maxSessionsPerIdentity} (authenticated identities only) or the client-data
 * budget. Also bounds what one {@code initialize} may make a session keep: its capabilities and client info.
 * Thread-safe; shared by every transport verticle of the process.
 */
public final class SessionQuota {
  private final LimitsOptions limits;
  private final AtomicInteger sessions = new AtomicInteger();
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicLong clientBytes = new AtomicLong();
  private final ConcurrentHashMap<Identity, Integer> perIdentity = new ConcurrentHashMap<>();

  public SessionQuota(LimitsOptions limits) {
    this.limits = limits;
  }

  /**
   * Checks the sizes of what a session keeps from its {@code initialize} and reserves room for it.
   *
   * @return the lease: {@link Lease#registered()} once phase 2 completes, {@link Lease#release()} when it ends
   * @throws McpException   (-32602) when the capabilities or the client info are too large
   * @throws LimitExceeded  when a limit of this instance is reached
   */
  public Lease acquire(Identity identity, JsonObject clientInfo, JsonObject capabilities) {
    long capabilityBytes = serializedSize(capabilities);
    long infoBytes = serializedSize(clientInfo);
    checkSizes(limits, capabilityBytes, infoBytes);
    Identity counted = Identity.ANONYMOUS.equals(identity) ? null : identity;
    Lease lease = new Lease(counted, capabilityBytes + infoBytes);
    reserve(sessions, limits.maxSessions(), "Too many sessions on this instance; retry later", lease);
    lease.sessionTaken = true;
    reserve(pending, limits.maxPendingSessions(), "Too many sessions being set up; retry later", lease);
    lease.pendingTaken = true;
    if (clientBytes.addAndGet(lease.bytes) > limits.maxClientDataBytes()) {
      clientBytes.addAndGet(-lease.bytes);
      lease.release();
      throw new LimitExceeded("Too much session data on this instance; retry later");
    }
    lease.bytesTaken = true;
    if (counted != null) {
      AtomicBoolean taken = new AtomicBoolean();
      perIdentity.compute(counted, (id, count) -> {
        int held = count == null ? 0 : count;
        if (held >= limits.maxSessionsPerIdentity()) {
          return count;
        }
        taken.set(true);
        return held + 1;
      });
      if (!taken.get()) {
        lease.release();
        throw new LimitExceeded("Too many sessions for this identity; retry later");
      }
      lease.identityTaken = true;
    }
    return lease;
  }

  /** How long a session may stay pending before its registration starts. */
  public Duration pendingTimeout() {
    return limits.pendingSessionTimeout();
  }

  /** Sessions this instance issued that have not ended. */
  public int sessions() {
    return sessions.get();
  }

  /** Of those, the ones not registered yet. */
  public int pending() {
    return pending.get();
  }

  /** Sessions of one identity this instance holds. */
  public int sessionsOf(Identity identity) {
    return perIdentity.getOrDefault(identity, 0);
  }

  /** Serialized capabilities and client info the held sessions keep. */
  public long clientBytes() {
    return clientBytes.get();
  }

  private static void reserve(AtomicInteger counter, int max, String message, Lease lease) {
    if (counter.incrementAndGet() > max) {
      counter.decrementAndGet();
      lease.release();
      throw new LimitExceeded(message);
    }
  }

  /**
   * The size bounds of what a client's capabilities and info cost the gateway to keep ({@code initialize}, or a
   * stateless caller's held backend sessions); -32602 above them.
   */
  public static void checkSizes(LimitsOptions limits, JsonObject clientInfo, JsonObject capabilities) {
    checkSizes(limits, serializedSize(capabilities), serializedSize(clientInfo));
  }

  private static void checkSizes(LimitsOptions limits, long capabilityBytes, long infoBytes) {
    if (capabilityBytes > limits.maxClientCapabilitiesBytes()) {
      throw McpException.invalidParams("capabilities too large: at most " + limits.maxClientCapabilitiesBytes()
        + " bytes");
    }
    if (infoBytes > limits.maxClientInfoBytes()) {
      throw McpException.invalidParams("clientInfo too large: at most " + limits.maxClientInfoBytes() + " bytes");
    }
  }

  private static long serializedSize(JsonObject value) {
    return value == null ? 0 : value.toBuffer().length();
  }

  /** One session's share of the quota. Both methods are idempotent. */
  public final class Lease {
    private final Identity identity;
    private final long bytes;
    private final AtomicBoolean registered = new AtomicBoolean();
    private final AtomicBoolean released = new AtomicBoolean();
    private volatile boolean sessionTaken;
    private volatile boolean pendingTaken;
    private volatile boolean bytesTaken;
    private volatile boolean identityTaken;

    private Lease(Identity identity, long bytes) {
      this.identity = identity;
      this.bytes = bytes;
    }

    /** The session completed phase 2: it no longer counts as pending. */
    public void registered() {
      if (pendingTaken && !released.get() && registered.compareAndSet(false, true)) {
        pending.decrementAndGet();
      }
    }

    /** The session ended on this instance. */
    public void release() {
      if (!released.compareAndSet(false, true)) {
        return;
      }
      if (pendingTaken && registered.compareAndSet(false, true)) {
        pending.decrementAndGet();
      }
      if (sessionTaken) {
        sessions.decrementAndGet();
      }
      if (bytesTaken) {
        clientBytes.addAndGet(-bytes);
      }
      if (identityTaken) {
        perIdentity.computeIfPresent(identity, (id, count) -> count <= 1 ? null : count - 1);
      }
    }
  }
}
