package dev.switchboard.transport.gateway;

import dev.switchboard.core.protocol.LogLevels;
import dev.switchboard.core.protocol.McpMethod;
import dev.switchboard.transport.session.LocalSession;
import io.vertx.core.json.JsonObject;

/**
 * What a session's client wants to receive: log messages at or above its {@code logging/setLevel} level, and
 * {@code resources/updated} only for URIs it subscribed to.
 */
final class Notifications {

  private Notifications() {
  }

  static boolean wanted(LocalSession session, JsonObject message) {
    String method = message.getString("method");
    if (McpMethod.NOTIFICATION_MESSAGE.equals(method)) {
      String threshold = session.logLevel();
      JsonObject params = message.getJsonObject("params");
      String level = params == null ? null : params.getString("level");
      return level == null || LogLevels.admits(threshold, level);
    }
    if (McpMethod.NOTIFICATION_RESOURCES_UPDATED.equals(method)) {
      JsonObject params = message.getJsonObject("params");
      return params != null && session.subscriptions().contains(params.getString("uri"));
    }
    return true;
  }
}
