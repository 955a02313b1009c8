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
   * Type of the signal an implementation delivers to its own instance only (never published) after a gap in its
   * subscription, e.g. when it resubscribed after losing Redis: signals of other instances may have been lost
   * meanwhile, so local caches should be checked against the store again. Its {@code sessionId} is null.
   */
  String MISSED = "missed";

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

  /**
   * True when other gateway instances receive these signals (a store they share); false when only this instance does,
   * so that a signal meant for the others need not be sent at all.
   */
  boolean shared();

  /** Registers the one handler of this instance (replacing any earlier one). */
  void handler(Handler<Signal> handler);

  Future<Void> close();
}
