package dev.switchboard.transport.stateless;

import dev.switchboard.core.bus.ClientSession;
import dev.switchboard.core.bus.CloseSession;
import dev.switchboard.core.bus.CoreBus;
import dev.switchboard.core.bus.Identity;
import dev.switchboard.core.bus.OpenSession;
import dev.switchboard.core.bus.SessionContext;
import dev.switchboard.core.bus.StopListening;
import dev.switchboard.core.protocol.ProtocolVersion;
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
  private final Map<String, HeldSession> held = new ConcurrentHashMap<>();
  private final long sweeper;

  public HeldSessions(Vertx vertx, CoreBus core, StatelessOptions options) {
    this.vertx = vertx;
    this.core = core;
    this.options = options;
    this.sweeper = vertx.setPeriodic(SWEEP_MILLIS, id -> sweep());
  }

  public StatelessOptions options() {
    return options;
  }

  /** The entry for a caller and its declared capabilities, opened on first use. */
  HeldSession of(Identity identity, JsonObject capabilities, JsonObject clientInfo) {
    String key = key(identity, capabilities);
    long now = System.nanoTime();
    HeldSession existing = held.get(key);
    if (existing != null && !existing.closed()) {
      existing.used(now);
      return existing;
    }
    if (held.size() >= options.maxHeldSessions()) {
      evictLeastRecentlyUsed();
    }
    ClientSession client = new ClientSession("held-" + UUID.randomUUID(), identity, ProtocolVersion.LATEST,
      clientInfo.copy(), capabilities.copy());
    HeldSession created = new HeldSession(key, client, "switchboard.transport.held." + client.sessionId(), now);
    HeldSession kept = held.merge(key, created, (old, fresh) -> old.closed() ? fresh : old);
    if (kept == created) {
      open(created);
    }
    return kept;
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

  /** The pool key: the identity and a digest of the capabilities as sent. */
  static String key(Identity identity, JsonObject capabilities) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(identity.issuer().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(identity.subject().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(capabilities.toBuffer().getBytes());
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
