package dev.switchboard.core;

import dev.switchboard.core.auth.CallerTokens;
import dev.switchboard.core.bus.ClientMessage;
import dev.switchboard.core.bus.CloseSession;
import dev.switchboard.core.bus.CoreCall;
import dev.switchboard.core.bus.CoreReply;
import dev.switchboard.core.bus.ListenSession;
import dev.switchboard.core.bus.OpenSession;
import dev.switchboard.core.bus.SessionOpened;
import dev.switchboard.core.bus.StopListening;
import dev.switchboard.core.health.BackendStatus;
import dev.switchboard.core.impl.DefaultCoreServices;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * The backends and how their catalogs merge, shared by every {@link CoreVerticle} of a process. Thread-safe and
 * non-blocking.
 */
public interface CoreServices {

  /**
   * Connects to the backends and checks that their catalogs merge. A backend that is down is left out (and probed
   * again at its health interval); start-up fails only when the configuration cannot work, e.g.
   * manual conflict resolution with a name conflict that no override resolves.
   */
  static Future<CoreServices> start(Vertx vertx, CoreOptions options) {
    return DefaultCoreServices.start(vertx, options);
  }

  /**
   * Like {@link #start(Vertx, CoreOptions)}, with the callers' tokens the incoming authentication records (the
   * subject tokens of {@code token-exchange} backends; in memory only).
   */
  static Future<CoreServices> start(Vertx vertx, CoreOptions options, CallerTokens callers) {
    return DefaultCoreServices.start(vertx, options, callers);
  }

  /** Opens (or re-injects) the backend sessions of a client session and computes its capability view. */
  Future<SessionOpened> open(OpenSession request);

  /** Routes one client request; a protocol error fails the future with an {@code McpException}. */
  Future<CoreReply> call(CoreCall call);

  /** A client's response or notification: forwarded to the backend(s) it concerns (best effort). */
  void clientMessage(ClientMessage message);

  /** The client opened its standalone stream: relay the backends' standalone streams of the session. */
  void listen(ListenSession request);

  /** The session ended on the instance that holds its backends' standalone streams: close them. */
  void stopListening(StopListening request);

  /** Ends the backend sessions of a client session (best effort). */
  void close(CloseSession request);

  /** Names of the backends currently up, in configuration order. */
  List<String> availableBackends();

  /**
   * Applies a new backend list and aggregation while running: unchanged backends keep their sessions; added ones
   * join; removed ones leave (their calls in flight finish, their backend sessions are closed). The views of the
   * sessions whose clients listen are rebuilt and the clients notified; other sessions keep their view (minus the
   * removed backends in list answers; their calls to a removed backend fail with an error result naming it), and
   * new sessions get the new configuration.
   * Completes once the new backends have been probed.
   */
  Future<Void> reconfigure(CoreOptions options);

  /** Every configured backend's health, in configuration order. */
  List<BackendStatus> backendStatuses();

  /** Stops probing and closes the backend clients. */
  Future<Void> shutdown();
}
