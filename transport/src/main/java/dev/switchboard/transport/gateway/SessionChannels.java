package dev.switchboard.transport.gateway;

import dev.switchboard.core.bus.CoreBus;
import dev.switchboard.core.bus.ListenSession;
import dev.switchboard.core.bus.SessionContext;
import dev.switchboard.transport.session.LocalSession;
import dev.switchboard.transport.session.SessionManager;
import dev.switchboard.transport.streamable.StreamRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Creates each session's {@link SessionChannel} once, at the first GET or early at registration. */
final class SessionChannels {
  /** Client features that let backends ask the client something on their own streams, at any time. */
  private static final List<String> ASKABLE = List.of("roots", "sampling", "elicitation");

  private final Vertx vertx;
  private final SessionManager sessions;
  private final CoreBus core;
  private final StreamRegistry streams;

  SessionChannels(Vertx vertx, SessionManager sessions, CoreBus core, StreamRegistry streams) {
    this.vertx = vertx;
    this.sessions = sessions;
    this.core = core;
    this.streams = streams;
  }

  /** The session's channel, made on first use. */
  SessionChannel of(LocalSession session) {
    SessionChannel existing = session.standaloneIfPresent();
    if (existing != null) {
      return existing;
    }
    SessionChannel created = new SessionChannel(vertx, session, sessions, core, streams);
    SessionChannel kept = session.standalone(() -> created);
    if (kept == created) {
      created.start();
    }
    return kept;
  }

  /** A GET arrived: the channel exists, and core relays the backends' standalone streams to it. */
  SessionChannel listening(LocalSession session, SessionContext context) {
    SessionChannel channel = of(session);
    core.listen(new ListenSession(context, channel.address()));
    return channel;
  }

  /**
   * Before registration: a client that declared a feature backends may use unprompted (they ask for roots right
   * after {@code initialized}, on their own streams) gets its channel now, and registration opens the backends'
   * streams before any request is forwarded.
   */
  void beforeRegistration(LocalSession session) {
    if (session.listenAddress() != null || session.contextIfReady() != null) {
      return;
    }
    JsonObject capabilities = session.client().clientCapabilities();
    if (capabilities != null && ASKABLE.stream().anyMatch(capabilities::containsKey)) {
      session.listenAddress(of(session).address());
    }
  }
}
