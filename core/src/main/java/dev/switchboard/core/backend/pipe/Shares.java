package dev.switchboard.core.backend.pipe;

import dev.switchboard.core.protocol.LogLevels;
import dev.switchboard.core.protocol.McpMethod;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the virtual sessions of one pipe share in the backend: resource subscriptions, reference-counted per URI
 * (only the first subscribe and the last unsubscribe reach the process), and the log level (the most verbose any
 * open session asked for). Used on the owner's context only.
 */
final class Shares {
  private final PipeCalls calls;
  private final Map<String, Set<String>> subscriptions = new HashMap<>();
  private String levelSent;

  Shares(PipeCalls calls) {
    this.calls = calls;
  }

  /** Whether requests of {@code method} go through the shares (and so run on the owner's context). */
  static boolean handles(String method) {
    return McpMethod.RESOURCES_SUBSCRIBE.equals(method) || McpMethod.RESOURCES_UNSUBSCRIBE.equals(method)
      || McpMethod.LOGGING_SET_LEVEL.equals(method);
  }

  /** The sessions subscribed to a URI. */
  Set<String> subscribers(String uri) {
    return subscriptions.getOrDefault(uri, Set.of());
  }

  Future<JsonObject> subscribe(VirtualSession session, Object callerId, JsonObject params,
                               Handler<JsonObject> onMessage, Context caller) {
    String uri = params.getValue("uri") instanceof String u ? u : null;
    Set<String> subscribers = uri == null ? null : subscriptions.get(uri);
    if (subscribers != null) {
      subscribers.add(session.id);
      session.subscriptions.add(uri);
      return Future.succeededFuture(new JsonObject());
    }
    return calls.send(session, callerId, McpMethod.RESOURCES_SUBSCRIBE, params, onMessage, caller,
      calls.owner()).onSuccess(r -> {
      if (uri != null && !session.closed) {
        subscriptions.computeIfAbsent(uri, k -> new HashSet<>()).add(session.id);
        session.subscriptions.add(uri);
      }
    });
  }

  Future<JsonObject> unsubscribe(VirtualSession session, Object callerId, JsonObject params,
                                 Handler<JsonObject> onMessage, Context caller) {
    String uri = params.getValue("uri") instanceof String u ? u : null;
    session.subscriptions.remove(uri);
    Set<String> subscribers = uri == null ? null : subscriptions.get(uri);
    if (subscribers != null) {
      subscribers.remove(session.id);
      if (!subscribers.isEmpty()) {
        return Future.succeededFuture(new JsonObject());
      }
      subscriptions.remove(uri);
    }
    return calls.send(session, callerId, McpMethod.RESOURCES_UNSUBSCRIBE, params, onMessage, caller,
      calls.owner());
  }

  Future<JsonObject> setLevel(VirtualSession session, Collection<VirtualSession> open, Object callerId,
                              JsonObject params, Handler<JsonObject> onMessage, Context caller) {
    String level = params.getValue("level") instanceof String l && LogLevels.ORDER.contains(l) ? l : null;
    if (level == null) {
      return calls.send(session, callerId, McpMethod.LOGGING_SET_LEVEL, params, onMessage, caller,
        calls.owner());
    }
    session.logLevel = level;
    String most = mostVerbose(open);
    if (most.equals(levelSent)) {
      return Future.succeededFuture(new JsonObject());
    }
    levelSent = most;
    return calls.send(session, callerId, McpMethod.LOGGING_SET_LEVEL, params.copy().put("level", most), onMessage,
      caller, calls.owner());
  }

  /** A session ended: its subscriptions are released, and the log level follows the sessions left. */
  void release(VirtualSession session, Collection<VirtualSession> open) {
    for (String uri : session.subscriptions) {
      Set<String> subscribers = subscriptions.get(uri);
      if (subscribers != null && subscribers.remove(session.id) && subscribers.isEmpty()) {
        subscriptions.remove(uri);
        calls.own(McpMethod.RESOURCES_UNSUBSCRIBE, new JsonObject().put("uri", uri));
      }
    }
    String most = mostVerbose(open);
    if (most != null && !most.equals(levelSent)) {
      levelSent = most;
      calls.own(McpMethod.LOGGING_SET_LEVEL, new JsonObject().put("level", most));
    }
  }

  /** After a restart: the process is told the level and the subscriptions again. */
  void reapply() {
    if (levelSent != null) {
      calls.own(McpMethod.LOGGING_SET_LEVEL, new JsonObject().put("level", levelSent));
    }
    subscriptions.keySet().forEach(uri -> calls.own(McpMethod.RESOURCES_SUBSCRIBE, new JsonObject().put("uri", uri)));
  }

  void clear() {
    subscriptions.clear();
  }

  private static String mostVerbose(Collection<VirtualSession> open) {
    return LogLevels.mostVerbose(open.stream().map(s -> s.logLevel).filter(Objects::nonNull).toList());
  }
}
