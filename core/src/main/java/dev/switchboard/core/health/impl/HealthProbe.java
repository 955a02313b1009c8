package dev.switchboard.core.health.impl;

import dev.switchboard.core.async.Deadline;
import dev.switchboard.core.backend.BackendClient;
import dev.switchboard.core.backend.BackendException;
import dev.switchboard.core.health.HealthOptions;
import dev.switchboard.core.protocol.McpException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The active probe of one backend: every {@link HealthOptions#interval()}, an MCP {@code ping} on a probe session
 * of its own (opened on first use and again when the backend forgot it), bounded by {@link HealthOptions#timeout()}.
 * One probe at a time; the outcome feeds the {@link HealthMachine}.
 */
public final class HealthProbe {
  private static final System.Logger LOG = System.getLogger(HealthProbe.class.getName());

  private final Vertx vertx;
  private final BackendClient client;
  private final HealthMachine health;
  private final HealthOptions options;
  private final JsonObject clientInfo;
  private final Supplier<Future<String>> authorization;
  private final Consumer<HealthMachine.Change> changes;
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile String sessionId;
  private volatile long timer = -1;

  /**
   * @param client        the unguarded client
   * @param authorization the backend's {@code Authorization} value when nobody calls (null: none), asked before
   *                      each probe so that a token that expired is replaced
   * @param changes       told when a probe took the backend down or brought it back
   */
  public HealthProbe(Vertx vertx, BackendClient client, HealthMachine health, HealthOptions options,
                     JsonObject clientInfo, Supplier<Future<String>> authorization,
                     Consumer<HealthMachine.Change> changes) {
    this.authorization = authorization;
    this.vertx = vertx;
    this.client = client;
    this.health = health;
    this.options = options;
    this.clientInfo = clientInfo;
    this.changes = changes;
  }

  public void start() {
    timer = vertx.setPeriodic(options.interval().toMillis(), id -> probe());
  }

  /** Probes now unless a probe runs or the circuit is open; completes when this probe (if any) is done. */
  public Future<Void> probe() {
    if (!health.probeDue() || !running.compareAndSet(false, true)) {
      return Future.succeededFuture();
    }
    return Deadline.within(ping(), options.timeout().toMillis())
      .andThen(ar -> {
        HealthMachine.Change change;
        if (ar.succeeded()) {
          change = health.probeSucceeded();
        } else if (ar.cause() instanceof BackendException be && be.kind() == BackendException.Kind.CREDENTIALS) {
          // the gateway could not obtain the backend's credentials: says nothing of the backend itself
          LOG.log(System.Logger.Level.DEBUG, "probe of ''{0}'' skipped: {1}", client.name(), be.getMessage());
          change = HealthMachine.Change.NONE;
        } else {
          if (!(ar.cause() instanceof BackendException be) || be.kind() != BackendException.Kind.SESSION_EXPIRED) {
            LOG.log(System.Logger.Level.DEBUG, "probe of ''{0}'' failed: {1}", client.name(), ar.cause().getMessage());
          }
          forgetSession();
          change = health.probeFailed();
        }
        if (change != HealthMachine.Change.NONE) {
          changes.accept(change);
        }
      })
      .<Void>mapEmpty().otherwiseEmpty()
      .onComplete(done -> running.set(false));
  }

  private Future<JsonObject> ping() {
    return authorization.get().compose(auth -> {
      String current = sessionId;
      if (current != null) {
        client.authorize(current, auth);
      }
      Future<String> session = current != null ? Future.succeededFuture(current) : open(auth);
      return session.compose(id -> client.request(id, "ping", new JsonObject()))
        .recover(err -> err instanceof BackendException be && be.kind() == BackendException.Kind.SESSION_EXPIRED
          ? open(auth).compose(id -> client.request(id, "ping", new JsonObject()))
          : Future.failedFuture(err));
    }).recover(err -> err instanceof McpException ? Future.succeededFuture(new JsonObject()) : Future.failedFuture(err));
  }

  private Future<String> open(String auth) {
    return client.open(clientInfo, new JsonObject(), auth).map(opened -> {
      sessionId = opened.sessionId();
      return opened.sessionId();
    });
  }

  /** Ends the probe session (best effort: the backend may be the reason the probe failed); the next opens anew. */
  private void forgetSession() {
    String current = sessionId;
    sessionId = null;
    if (current != null) {
      client.close(current).otherwiseEmpty();
    }
  }

  /** Stops probing and ends the probe session. */
  public Future<Void> stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    String current = sessionId;
    sessionId = null;
    return current == null ? Future.succeededFuture() : client.close(current).otherwiseEmpty();
  }
}
