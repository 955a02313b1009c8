package dev.switchboard.transport.gateway;

import dev.switchboard.core.bus.CoreBus;
import dev.switchboard.core.bus.StopListening;
import dev.switchboard.core.bus.StreamMessage;
import dev.switchboard.core.bus.ViewChanged;
import dev.switchboard.core.catalog.CatalogKind;
import dev.switchboard.core.protocol.JsonRpc;
import dev.switchboard.core.protocol.McpMethod;
import dev.switchboard.transport.streamable.SseWriter;
import dev.switchboard.transport.session.LocalSession;
import dev.switchboard.transport.session.SessionManager;
import dev.switchboard.transport.streamable.ClientStream;
import dev.switchboard.transport.streamable.StreamRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.Set;

/**
 * A session's standalone stream on this instance: the event-bus address where core sends the session's messages
 * that belong to no request (list changes, resource updates, server requests from the backends' own streams), and
 * the GET stream they are written to. Created when the client first opens its GET stream, or at registration for a
 * client that declared roots, sampling or elicitation (backends may ask it something at once, on their own
 * streams): what arrives before the client's first GET is kept and delivered to it. Ends with the session.
 */
final class SessionChannel {
  private final LocalSession session;
  private final SessionManager sessions;
  private final StreamRegistry streams;
  private final Vertx vertx;
  private final String address;
  private final CoreBus core;
  private MessageConsumer<Object> consumer;
  private volatile ClientStream stream;

  SessionChannel(Vertx vertx, LocalSession session, SessionManager sessions, CoreBus core, StreamRegistry streams) {
    this.vertx = vertx;
    this.session = session;
    this.sessions = sessions;
    this.streams = streams;
    this.address = "switchboard.session." + session.id();
    this.core = core;
  }

  /** Registers the address and opens the standalone stream; only the channel the session keeps is started. */
  synchronized void start() {
    consumer = vertx.eventBus().localConsumer(address, msg -> onMessage(msg.body()));
    stream = streams.openGet(session.id(), null, 0);
    session.onTerminate(this::close);
  }

  /** True when {@code streamId} is this channel's current standalone stream. */
  boolean holds(String streamId) {
    ClientStream current = stream;
    return current != null && current.id().equals(streamId);
  }

  /** True while a GET holds this channel's standalone stream. */
  boolean attached() {
    ClientStream current = stream;
    return current != null && current.attached();
  }

  /** Where core sends the session's standalone messages. */
  String address() {
    return address;
  }

  /**
   * Attaches a GET: without {@code streamId}, the session's standalone stream if no GET has taken it yet (with what
   * was sent to it before), else a fresh one (with a priming event if {@code priming}); with the id of the stream it
   * holds, that stream after {@code lastEventId}.
   */
  synchronized void attach(SseWriter writer, String streamId, String lastEventId, boolean priming) {
    ClientStream current = stream;
    if (streamId == null && current != null && !current.everAttached()) {
      current.attach(writer, priming, null);
    } else if (streamId != null && current != null && current.id().equals(streamId)) {
      current.attach(writer, false, lastEventId);
    } else {
      if (current != null) {
        current.close();
      }
      current = streams.openGet(session.id(), null, 0);
      stream = current;
      current.attach(writer, priming, null);
    }
  }

  private void onMessage(Object body) {
    if (body instanceof ViewChanged changed) {
      sessions.viewChanged(session, changed.view(), changed.backendSessions());
      notifyChanges(changed.changed());
    } else if (body instanceof StreamMessage message && message.message() != null
      && Notifications.wanted(session, message.message())) {
      send(message.message());
    }
  }

  private void notifyChanges(Set<CatalogKind> kinds) {
    Set<CatalogKind> kindsSeen = EnumSet.copyOf(kinds);
    if (kindsSeen.contains(CatalogKind.TOOLS)) {
      send(JsonRpc.notification(McpMethod.NOTIFICATION_TOOLS_LIST_CHANGED, null));
    }
    if (kindsSeen.contains(CatalogKind.PROMPTS)) {
      send(JsonRpc.notification(McpMethod.NOTIFICATION_PROMPTS_LIST_CHANGED, null));
    }
    if (kindsSeen.contains(CatalogKind.RESOURCES) || kindsSeen.contains(CatalogKind.RESOURCE_TEMPLATES)) {
      send(JsonRpc.notification(McpMethod.NOTIFICATION_RESOURCES_LIST_CHANGED, null));
    }
  }

  private void send(JsonObject message) {
    ClientStream current = stream;
    if (current != null) {
      current.send(message);
    }
  }

  private synchronized void close() {
    consumer.unregister();
    core.stopListening(new StopListening(session.id()));
    ClientStream current = stream;
    if (current != null) {
      current.close();
    }
  }
}
