package dev.switchboard.transport.stateless;

import dev.switchboard.core.bus.ViewChanged;
import dev.switchboard.core.catalog.CatalogKind;
import dev.switchboard.core.protocol.JsonRpc;
import dev.switchboard.core.protocol.McpException;
import dev.switchboard.core.protocol.McpMethod;
import dev.switchboard.core.protocol.StatelessEnvelope;
import dev.switchboard.transport.limits.LimitExceeded;
import dev.switchboard.transport.streamable.SseWriter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * {@code subscriptions/listen} (MCP 2026-07-28): an SSE stream on the POST that starts with
 * {@code notifications/subscriptions/acknowledged} (the filter the gateway honours) and then carries the list changes
 * of the caller's view, each tagged with the listen request's id. The gateway honours the three list-change kinds;
 * resource subscriptions are not offered. The stream lives until the client closes it; a filter that honours nothing
 * is acknowledged and ended at once with the listen request's result. Shared per process; at most
 * {@code maxListenStreams} at once.
 */
public final class ListenStreams {
  private static final String TOOLS = "toolsListChanged";
  private static final String PROMPTS = "promptsListChanged";
  private static final String RESOURCES = "resourcesListChanged";

  private final Vertx vertx;
  private final StatelessOptions options;
  private final AtomicInteger open = new AtomicInteger();

  public ListenStreams(Vertx vertx, StatelessOptions options) {
    this.vertx = vertx;
    this.options = options;
  }

  /** Streams open now. */
  public int size() {
    return open.get();
  }

  /** Serves a validated {@code subscriptions/listen} on a held session the caller acquired (released here). */
  void listen(HttpServerRequest req, StatelessRequest request, HeldSession held, StatelessResults results,
              long maxBufferedBytes) {
    if (!(request.params().getValue("notifications") instanceof JsonObject filter)) {
      throw McpException.invalidParams("Invalid params: 'notifications' is required and must be a "
        + "SubscriptionFilter object");
    }
    JsonObject honoured = new JsonObject();
    for (String kind : Set.of(TOOLS, PROMPTS, RESOURCES)) {
      if (Boolean.TRUE.equals(filter.getValue(kind))) {
        honoured.put(kind, true);
      }
    }
    if (open.incrementAndGet() > options.maxListenStreams()) {
      open.decrementAndGet();
      throw new LimitExceeded("Too many subscriptions/listen streams; retry shortly");
    }
    Object id = request.id();
    SseWriter writer = SseWriter.start(req.response(), maxBufferedBytes);
    writer.event(null, tagged(JsonRpc.notification(McpMethod.NOTIFICATION_SUBSCRIPTIONS_ACKNOWLEDGED,
      new JsonObject().put("notifications", honoured)), id).encode());
    if (honoured.isEmpty()) {
      writer.event(null, JsonRpc.response(id, results.stamp(McpMethod.SUBSCRIPTIONS_LISTEN,
        new JsonObject().put("_meta", new JsonObject().put(StatelessEnvelope.META_SUBSCRIPTION_ID, id)), false))
        .encode());
      writer.end();
      held.release(System.nanoTime());
      open.decrementAndGet();
      return;
    }
    Context context = Vertx.currentContext();
    Consumer<Object> listener = body -> {
      if (body instanceof ViewChanged changed) {
        context.runOnContext(v -> notifyChanges(writer, changed.changed(), honoured, id));
      }
    };
    held.listen(listener);
    writer.heartbeat(vertx, SseWriter.HEARTBEAT_MILLIS);
    writer.closeHandler(v -> {
      held.unlisten(listener);
      held.release(System.nanoTime());
      open.decrementAndGet();
    });
  }

  private static void notifyChanges(SseWriter writer, Set<CatalogKind> changed, JsonObject honoured, Object id) {
    if (writer.closed()) {
      return;
    }
    if (changed.contains(CatalogKind.TOOLS) && honoured.containsKey(TOOLS)) {
      send(writer, McpMethod.NOTIFICATION_TOOLS_LIST_CHANGED, id);
    }
    if (changed.contains(CatalogKind.PROMPTS) && honoured.containsKey(PROMPTS)) {
      send(writer, McpMethod.NOTIFICATION_PROMPTS_LIST_CHANGED, id);
    }
    if ((changed.contains(CatalogKind.RESOURCES) || changed.contains(CatalogKind.RESOURCE_TEMPLATES))
      && honoured.containsKey(RESOURCES)) {
      send(writer, McpMethod.NOTIFICATION_RESOURCES_LIST_CHANGED, id);
    }
  }

  private static void send(SseWriter writer, String method, Object id) {
    writer.event(null, tagged(JsonRpc.notification(method, new JsonObject()), id).encode());
  }

  /** A listen-stream notification carries the listen request's id in {@code _meta}. */
  private static JsonObject tagged(JsonObject notification, Object id) {
    JsonObject params = notification.getJsonObject("params");
    if (params == null) {
      params = new JsonObject();
      notification.put("params", params);
    }
    params.put("_meta", new JsonObject().put(StatelessEnvelope.META_SUBSCRIPTION_ID, id));
    return notification;
  }
}
