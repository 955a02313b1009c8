package dev.switchboard.core.backend;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;

/**
 * An {@code onMessage} handler for {@link BackendClient#request} that also learns when the backend's answer stream
 * ended before the response and is being resumed with GET and {@code Last-Event-ID} (the backend closed it for
 * polling, or the connection dropped).
 */
public interface StreamObserver extends Handler<JsonObject> {

  /** The backend's stream paused; the request goes on. */
  void paused();
}
