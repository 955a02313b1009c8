package dev.switchboard.transport.gateway;

import dev.switchboard.core.protocol.McpMethod;
import dev.switchboard.transport.session.LocalSession;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What a session's client wants to receive: log messages at or above its {@code logging/setLevel} level, and
 * {@code resources/updated} only for URIs it subscribed to.
 */
final class Notifications {
  private static final List<String> LEVELS = List.of("debug", "info", "notice", "warning", "error", "critical",
    "alert", "emergency");

  private Notifications() {
  }

  static boolean wanted(LocalSession session, JsonObject message) {
    String method = message.getString("method");
    if (McpMethod.NOTIFICATION_MESSAGE.equals(method)) {
      String threshold = session.logLevel();
      JsonObject params = message.getJsonObject("params");
      String level = params == null ? null : params.getString("level");
      return threshold == null || level == null || LEVELS.indexOf(level) >= LEVELS.indexOf(threshold);
    }
    if (McpMethod.NOTIFICATION_RESOURCES_UPDATED.equals(method)) {
      JsonObject params = message.getJsonObject("params");
      return params != null && session.subscriptions().contains(params.getString("uri"));
    }
    return true;
  }
}
