package dev.switchboard.session;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;

/**
 * Messages about sessions that every gateway instance must see: a session was deleted (drop it from local caches), a
 * notification for a GET stream held by whichever instance holds it, a cancellation for a request running elsewhere.
 * Delivery is best effort and at most once; every instance, including the publisher, receives each signal.
 */
public interface SessionSignals {

  /**
   * One signal.
   *
   * @param sessionId the session it concerns
   * @param type      what happened, e.g. {@code deleted}, {@code notify}, {@code cancel}
   * @param body      details (may be empty)
   */
  record Signal(String sessionId, String type, JsonObject body) {
  }

  Future<Void> publish(Signal signal);

  /** Registers the one handler of this instance (replacing any earlier one). */
  void handler(Handler<Signal> handler);

  Future<Void> close();
}
