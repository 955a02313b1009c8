package dev.switchboard.transport.stateless;

import dev.switchboard.core.bus.ClientSession;
import dev.switchboard.core.bus.CloseSession;
import dev.switchboard.core.bus.CoreBus;
import dev.switchboard.core.bus.Identity;
import dev.switchboard.core.bus.OpenSession;
import dev.switchboard.core.bus.SessionContext;
import dev.switchboard.core.bus.StopListening;
import dev.switchboard.core.protocol.ProtocolVersion;
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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The backend sessions the gateway holds for stateless (MCP 2026-07-28) callers, pooled per (identity, declared client
 * capabilities): a stateless request costs no {@code initialize} once its pool entry is open. Entries are opened
 * through core like a session-era session ({@link OpenSession}, with the backends' standalone streams so that list
 * changes reach them), are local to this instance, and are closed when unused for the idle timeout or when the bound
 * is reached (least recently used first). Shared by the transport verticles of one process; thread-safe.
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

  /** The entry for a caller and its declared capabilities, opened on first use. */
  HeldSession of(Identity identity, JsonObject capabilities, JsonObject clientInfo) {
    HeldKey key = new HeldKey(identity, capabilities);
    long now = System.nanoTime();
    HeldSession existing = held.get(key);
    if (existing != null && !existing.closed()) {
      existing.used(now);
      return existing;
    }
    SessionQuota.checkSizes(limits, clientInfo, capabilities);
    if (held.size() >= options.maxHeldSessions()) {
      evictLeastRecentlyUsed();
    }
    JsonObject kept = capabilities.copy();
    ClientSession client = new ClientSession("held-" + UUID.randomUUID(), identity, ProtocolVersion.LATEST,
      clientInfo.copy(), kept);
    HeldSession created = new HeldSession(new HeldKey(identity, kept), client,
      "switchboard.transport.held." + client.sessionId(), now);
    HeldSession chosen = held.merge(created.key(), created, (old, fresh) -> old.closed() ? fresh : old);
    if (chosen == created) {
      open(created);
    }
    return chosen;
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
      close(session);
    });
  }

  private void evictLeastRecentlyUsed() {
    held.values().stream().filter(s -> !s.inUse()).min(Comparator.comparingLong(HeldSession::lastUsedNanos))
      .ifPresent(this::close);
  }

  private void sweep() {
    long now = System.nanoTime();
    long idle = options.heldSessionIdleTimeout().toNanos();
    held.values().forEach(session -> {
      if (!session.inUse() && now - session.lastUsedNanos() > idle) {
        close(session);
      }
    });
  }

  private void close(HeldSession session) {
    if (!held.remove(session.key(), session)) {
      return;
    }
    session.markClosed();
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
    held.values().forEach(this::close);
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
