package dev.switchboard.transport.stateless;

import dev.switchboard.core.bus.StreamMessage;
import dev.switchboard.core.bus.ViewChanged;
import dev.switchboard.core.catalog.CatalogKind;
import dev.switchboard.core.protocol.JsonRpc;
import dev.switchboard.core.protocol.McpException;
import dev.switchboard.core.protocol.McpMethod;
import dev.switchboard.core.protocol.StatelessEnvelope;
import dev.switchboard.transport.limits.LimitExceeded;
import dev.switchboard.transport.streamable.SseWriter;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * {@code subscriptions/listen} (MCP 2026-07-28): an SSE stream on the POST that starts with
 * {@code notifications/subscriptions/acknowledged} (the filter the gateway honours) and then carries the list changes
 * of the caller's view and the {@code resources/updated} of the URIs it follows, each tagged with the listen request's
 * id. The gateway honours the three list-change kinds and up to {@value #MAX_RESOURCES} resource subscriptions (those
 * the owning backends accepted). The stream lives until the client closes it; a filter that honours nothing
 * is acknowledged and ended at once with the listen request's result. Shared per process; at most
 * {@code maxListenStreams} at once.
 */
public final class ListenStreams {
  private static final String TOOLS = "toolsListChanged";
  private static final String PROMPTS = "promptsListChanged";
  private static final String RESOURCES = "resourcesListChanged";
  private static final String SUBSCRIPTIONS = "resourceSubscriptions";
  /** Most resource URIs one listen stream follows (the rest of a longer list is not acknowledged). */
  static final int MAX_RESOURCES = 64;

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

  /** Subscribes the held session to a resource on the backend that owns it, or unsubscribes it. */
  @FunctionalInterface
  interface Subscriber {
    Future<Void> subscribe(HeldSession held, String uri, boolean on);
  }

  /**
   * Serves a validated {@code subscriptions/listen} on a held session the caller acquired (released here). Resource
   * subscriptions are made on the backends first (shared by the listeners of the set, counted), so that the
   * acknowledgement names the URIs that will really be followed.
   */
  void listen(HttpServerRequest req, StatelessRequest request, HeldSession held, StatelessResults results,
              long maxBufferedBytes, Subscriber subscriber) {
    if (!(request.params().getValue("notifications") instanceof JsonObject filter)) {
      throw McpException.invalidParams("Invalid params: 'notifications' is required and must be a "
        + "SubscriptionFilter object");
    }
    JsonObject honoured = new JsonObject();
    for (String kind : List.of(TOOLS, PROMPTS, RESOURCES)) {
      if (Boolean.TRUE.equals(filter.getValue(kind))) {
        honoured.put(kind, true);
      }
    }
    List<String> asked = filter.getValue(SUBSCRIPTIONS) instanceof JsonArray uris ? uris.stream()
      .filter(uri -> uri instanceof String).map(uri -> (String) uri).distinct().limit(MAX_RESOURCES).toList()
      : List.of();
    if (open.incrementAndGet() > options.maxListenStreams()) {
      open.decrementAndGet();
      throw new LimitExceeded("Too many subscriptions/listen streams; retry shortly");
    }
    Context context = Vertx.currentContext();
    SseWriter writer = SseWriter.start(req.response(), maxBufferedBytes);
    List<Future<String>> subscribing = asked.stream()
      .map(uri -> held.subscribe(uri, () -> subscriber.subscribe(held, uri, true)).map(uri).otherwiseEmpty())
      .toList();
    Future.join(subscribing).onComplete(done -> context.runOnContext(v -> {
      List<String> followed = subscribing.stream().map(Future::result).filter(uri -> uri != null).toList();
      if (!followed.isEmpty()) {
        honoured.put(SUBSCRIPTIONS, new JsonArray(followed));
      }
      start(writer, request.id(), held, results, honoured, followed, subscriber);
    }));
  }

  private void start(SseWriter writer, Object id, HeldSession held, StatelessResults results, JsonObject honoured,
                     List<String> followed, Subscriber subscriber) {
    Runnable release = () -> {
      followed.forEach(uri -> held.unsubscribe(uri, () -> subscriber.subscribe(held, uri, false)));
      held.release(System.nanoTime());
      open.decrementAndGet();
    };
    writer.event(null, tagged(JsonRpc.notification(McpMethod.NOTIFICATION_SUBSCRIPTIONS_ACKNOWLEDGED,
      new JsonObject().put("notifications", honoured)), id).encode());
    if (honoured.isEmpty() || writer.closed()) {
      writer.event(null, JsonRpc.response(id, results.stamp(McpMethod.SUBSCRIPTIONS_LISTEN,
        new JsonObject().put("_meta", new JsonObject().put(StatelessEnvelope.META_SUBSCRIPTION_ID, id)), false))
        .encode());
      writer.end();
      release.run();
      return;
    }
    Context context = Vertx.currentContext();
    Set<String> uris = Set.copyOf(followed);
    Consumer<Object> listener = body -> {
      if (body instanceof ViewChanged changed) {
        context.runOnContext(v -> notifyChanges(writer, changed.changed(), honoured, id));
      } else if (body instanceof StreamMessage message && message.message() != null
        && McpMethod.NOTIFICATION_RESOURCES_UPDATED.equals(message.message().getString("method"))
        && message.message().getValue("params") instanceof JsonObject params
        && uris.contains(params.getString("uri"))) {
        JsonObject updated = JsonRpc.notification(McpMethod.NOTIFICATION_RESOURCES_UPDATED,
          new JsonObject().put("uri", params.getString("uri")));
        context.runOnContext(v -> {
          if (!writer.closed()) {
            writer.event(null, tagged(updated, id).encode());
          }
        });
      }
    };
    held.listen(listener);
    writer.heartbeat(vertx, SseWriter.HEARTBEAT_MILLIS);
    writer.closeHandler(v -> {
      held.unlisten(listener);
      release.run();
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
