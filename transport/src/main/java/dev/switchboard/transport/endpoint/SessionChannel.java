package dev.switchboard.transport.endpoint;

import dev.switchboard.core.bus.CoreBus;
import dev.switchboard.core.bus.ListenSession;
import dev.switchboard.core.bus.SessionContext;
import dev.switchboard.core.bus.StreamMessage;
import dev.switchboard.core.bus.ViewChanged;
import dev.switchboard.core.catalog.CatalogKind;
import dev.switchboard.core.protocol.JsonRpc;
import dev.switchboard.core.protocol.McpMethod;
import dev.switchboard.transport.http.SseWriter;
import dev.switchboard.transport.session.LocalSession;
import dev.switchboard.transport.session.SessionIdManager;
import dev.switchboard.transport.stream.ClientStream;
import dev.switchboard.transport.stream.StreamRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.EnumSet;
import java.util.Set;

/**
 * A session's standalone stream on this instance: the event-bus address where core sends the session's messages
 * that belong to no request (list changes, resource updates, server requests from the backends' own streams), and
 * the GET stream they are written to. Created when the client first opens its GET stream; ends with the session.
 */
final class SessionChannel {
  private final LocalSession session;
  private final SessionIdManager sessions;
  private final StreamRegistry streams;
  private final Vertx vertx;
  private final Context context;
  private final long heartbeatMillis;
  private final String address;
  private final MessageConsumer<Object> consumer;
  private volatile ClientStream stream;

  SessionChannel(Vertx vertx, LocalSession session, SessionIdManager sessions, CoreBus core, StreamRegistry streams,
                 SessionContext context, long heartbeatMillis) {
    this.vertx = vertx;
    this.session = session;
    this.sessions = sessions;
    this.streams = streams;
    this.context = vertx.getOrCreateContext();
    this.heartbeatMillis = heartbeatMillis;
    this.address = "switchboard.session." + session.id();
    this.consumer = vertx.eventBus().localConsumer(address, msg -> onMessage(msg.body()));
    session.onTerminate(this::close);
    core.listen(new ListenSession(context, address));
  }

  /**
   * Attaches a new GET: a fresh stream (with a priming event if {@code priming}), or the continuation of
   * {@code streamId} after {@code lastEventId}.
   */
  void attach(SseWriter writer, String streamId, String lastEventId, boolean priming) {
    ClientStream current = stream;
    if (streamId != null && current != null && current.id().equals(streamId)) {
      current.attach(writer, false, lastEventId);
    } else {
      if (current != null) {
        current.close();
      }
      long next = lastEventId == null ? 0 : dev.switchboard.transport.stream.EventIds.sequenceOf(lastEventId) + 1;
      current = streams.openGet(session.id(), streamId, next);
      stream = current;
      current.attach(writer, priming, null);
    }
    heartbeat(writer);
  }

  private void heartbeat(SseWriter writer) {
    long timer = vertx.setPeriodic(heartbeatMillis, id -> {
      if (writer.closed()) {
        vertx.cancelTimer(id);
      } else {
        writer.comment("keep-alive");
      }
    });
    writer.closeHandler(v -> vertx.cancelTimer(timer));
  }

  private void onMessage(Object body) {
    if (body instanceof ViewChanged changed) {
      sessions.viewChanged(session, changed.view());
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

  private void send(io.vertx.core.json.JsonObject message) {
    ClientStream current = stream;
    if (current != null) {
      current.send(message);
    }
  }

  private void close() {
    consumer.unregister();
    ClientStream current = stream;
    if (current != null) {
      current.close();
    }
  }
}
