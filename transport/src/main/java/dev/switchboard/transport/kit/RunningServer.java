package dev.switchboard.transport.kit;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;

/**
 * A listening {@link McpServer}: where it is, what it has received, and how to push notifications to its sessions.
 * Methods may be called from any thread; work is moved onto the server's event loop.
 */
public interface RunningServer {
  int port();

  /** The endpoint URL, e.g. {@code http://127.0.0.1:PORT/mcp}. */
  String url();

  /**
   * Sends a notification (e.g. {@code notifications/tools/list_changed}) on the standalone GET stream of every
   * session that has one open; completes with the number of sessions it was written to. A session whose GET
   * connection is away (it was opened before) keeps the notification in its event log for the client's resumption.
   */
  Future<Integer> notifyAll(String method, JsonObject params);

  /**
   * Sends {@code notifications/resources/updated} for {@code uri} on the GET stream of the sessions subscribed to it;
   * completes with the number of sessions notified.
   */
  Future<Integer> resourceUpdated(String uri);

  /** Adds a listener for every notification received from clients. */
  void onNotification(Handler<ReceivedNotification> listener);

  /** How many requests with {@code method} were received (initialize included). */
  long requestCount(String method);

  /** How many notifications with {@code method} were received. */
  long notificationCount(String method);

  /** Sessions currently open. */
  int sessionCount();

  /** Ends every session and stops listening. */
  Future<Void> close();
}
