package dev.switchboard.transport.stateless;

import dev.switchboard.core.bus.ClientSession;
import dev.switchboard.core.bus.CloseSession;
import dev.switchboard.core.bus.CoreBus;
import dev.switchboard.core.bus.Identity;
import dev.switchboard.core.bus.OpenSession;
import dev.switchboard.core.bus.SessionContext;
import dev.switchboard.core.bus.StopListening;
import dev.switchboard.core.protocol.ProtocolVersion;
import dev.switchboard.core.protocol.RelayedFeatures;
import dev.switchboard.transport.limits.LimitExceeded;
import dev.switchboard.transport.limits.LimitsOptions;
import dev.switchboard.transport.limits.SessionQuota;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The backend sessions the gateway holds for stateless (MCP 2026-07-28) callers, pooled per (identity, the client
 * features relayed to backends): a stateless request costs no {@code initialize} once its pool entry is open. Entries are opened
 * through core like a session-era session ({@link OpenSession}, with the backends' standalone streams so that list
 * changes reach them), are local to this instance, and are closed when unused for the idle timeout or to make room
 * under the bounds ({@code maxHeldSessions}, {@code maxHeldSessionsPerIdentity}; least recently used idle entry first). Shared by the transport verticles of one process; thread-safe.
 */
public final class HeldSessions {
  private static final System.Logger LOG = System.getLogger(HeldSessions.class.getName());
  private static final long SWEEP_MILLIS = 5_000;

  private final Vertx vertx;
  private final CoreBus core;
  private final StatelessOptions options;
  private final LimitsOptions limits;
  private final Map<HeldKey, HeldSession> held = new ConcurrentHashMap<>();
  private final long sweeper;

  /** @param limits the size bounds of the client data an entry keeps ({@code maxClientCapabilitiesSize}, ...) */
  public HeldSessions(Vertx vertx, CoreBus core, StatelessOptions options, LimitsOptions limits) {
    this.vertx = vertx;
    this.core = core;
    this.options = options;
    this.limits = limits;
    this.sweeper = vertx.setPeriodic(SWEEP_MILLIS, id -> sweep());
  }

  public StatelessOptions options() {
    return options;
  }

  /** What an entry is for: a caller and the capabilities it declares (compared as JSON values). */
  record HeldKey(Identity identity, JsonObject capabilities) {
  }

  /**
   * The entry for a caller and the capabilities it declares, opened on first use, acquired for the caller (who
   * releases it). Entries are keyed by the canonical relayed features ({@link RelayedFeatures#canonical}): callers
   * that differ only in capabilities the backends never see, or in keys the protocol does not define, share one. 503 when the
   * bounds are reached and no idle entry can make room.
   */
  HeldSession acquire(Identity identity, JsonObject declared, JsonObject clientInfo) {
    HeldKey key = new HeldKey(identity, RelayedFeatures.canonical(declared));
    long now = System.nanoTime();
    for (int attempt = 0; attempt < 3; attempt++) {
      HeldSession existing = held.get(key);
      if (existing != null) {
        if (existing.tryAcquire(now)) {
          return existing;
        }
        held.remove(key, existing);
        continue;
      }
      JsonObject relayed = key.capabilities();
      SessionQuota.checkSizes(limits, clientInfo, relayed);
      makeRoom(identity);
      ClientSession client = new ClientSession("held-" + UUID.randomUUID(), identity, ProtocolVersion.LATEST,
        clientInfo.copy(), relayed);
      HeldSession created = new HeldSession(key, client,
        "switchboard.transport.held." + client.sessionId(), now);
      created.tryAcquire(now);
      if (held.putIfAbsent(created.key(), created) == null) {
        open(created);
        return created;
      }
    }
    throw new LimitExceeded("Too many stateless callers on this instance; retry shortly");
  }

  /** Closes the least recently used idle entry of the identity, then of anyone, when a bound is reached; else 503. */
  private void makeRoom(Identity identity) {
    long mine = held.keySet().stream().filter(k -> k.identity().equals(identity)).count();
    if (mine >= options.maxHeldSessionsPerIdentity()
      && !closeLeastRecentlyUsed(s -> s.key().identity().equals(identity))) {
      throw new LimitExceeded("Too many sets of backend sessions for this caller; retry shortly");
    }
    if (held.size() >= options.maxHeldSessions() && !closeLeastRecentlyUsed(s -> true)) {
      throw new LimitExceeded("Too many stateless callers on this instance; retry shortly");
    }
  }

  private void open(HeldSession session) {
    session.consumer(vertx.eventBus().localConsumer(session.address(), msg -> session.onMessage(msg.body())));
    Future<SessionContext> context = core.open(new OpenSession(session.client(), null, null, session.address()))
      .map(opened -> new SessionContext(session.client(), opened.backendSessions(), opened.view()));
    context.onComplete(session.opening());
    context.onFailure(err -> {
      // the next request opens a new one
      LOG.log(System.Logger.Level.WARNING, "could not open backend sessions for a stateless caller: {0}",
        err.getMessage());
      session.forceClose();
      close(session);
    });
  }

  private boolean closeLeastRecentlyUsed(Predicate<HeldSession> among) {
    List<HeldSession> idle = held.values().stream().filter(among).filter(s -> !s.inUse())
      .sorted(Comparator.comparingLong(HeldSession::lastUsedNanos)).toList();
    for (HeldSession candidate : idle) {
      if (candidate.tryClose()) {
        close(candidate);
        return true;
      }
    }
    return false;
  }

  private void sweep() {
    long now = System.nanoTime();
    long idle = options.heldSessionIdleTimeout().toNanos();
    held.values().forEach(session -> {
      if (now - session.lastUsedNanos() > idle && session.tryClose()) {
        close(session);
      }
    });
  }

  /** Forgets a closed entry and ends its backend sessions. */
  private void close(HeldSession session) {
    if (!held.remove(session.key(), session)) {
      return;
    }
    if (session.consumer() != null) {
      session.consumer().unregister();
    }
    core.stopListening(new StopListening(session.client().sessionId()));
    session.context().onSuccess(opened -> core.close(new CloseSession(opened)));
  }

  /** Entries held now. */
  public int size() {
    return held.size();
  }

  /** Closes every entry (the gateway stops). */
  public void close() {
    vertx.cancelTimer(sweeper);
    held.values().forEach(session -> {
      session.forceClose();
      close(session);
    });
  }

  /** A digest of an identity (what a request state is bound to). */
  static String digest(Identity identity) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(identity.issuer().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(identity.subject().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
