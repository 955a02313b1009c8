package dev.switchboard.transport.stateless;

import io.vertx.core.json.JsonObject;

/**
 * Where a stateless call's outcome goes: the POST that waits for it ({@link PostedAnswer}), or another instance that
 * holds the client's retry ({@link RelayedAnswer}). Callable from any thread.
 */
interface StatelessAnswer {
  /** A notification ahead of the result (progress, a wanted log message); may be dropped. */
  void notify(JsonObject message);

  void result(JsonObject result);

  void fail(Throwable failure);

  /** What to do when whoever waits goes away before the outcome. */
  void onGone(Runnable action);
}
