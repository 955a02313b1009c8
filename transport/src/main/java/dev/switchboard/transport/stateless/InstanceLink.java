package dev.switchboard.transport.stateless;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;

/**
 * Messages between the gateway instances that share a session store (over its signals: Redis pub/sub, or this process
 * alone with the memory store). Every instance receives every message, the sender included; delivery is best effort.
 */
public interface InstanceLink {
  /** A link to no other instance. */
  InstanceLink NONE = new InstanceLink() {
    @Override
    public Future<Void> publish(String type, JsonObject body) {
      return Future.succeededFuture();
    }

    @Override
    public void on(String type, Handler<JsonObject> handler) {
    }
  };

  Future<Void> publish(String type, JsonObject body);

  /** The one handler of messages of {@code type} on this instance. */
  void on(String type, Handler<JsonObject> handler);
}
