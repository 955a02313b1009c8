package dev.switchboard.core.backend.pipe;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * Where a pipe delivers what it receives. Every message can go to the owner's context ({@link #text},
 * {@link #message}). A pipe with a reading thread of its own may first offer a message to {@link #answerNow} on that
 * thread: an answer then goes straight to the context waiting for it, without passing through the owner's.
 */
interface Inbox {
  /** One incoming message as text, on the owner's context; one that is not a JSON object is logged and dropped. */
  void text(Buffer text);

  /** One incoming message, on the owner's context. */
  void message(JsonObject message);

  /**
   * Any thread: takes {@code message} if it is a response, and completes the call it answers, if one is in flight,
   * on that call's context; false leaves it for {@link #message}. A pipe calls this only while no message it read
   * earlier still waits for the owner's context, so that an answer never overtakes the progress or requests sent
   * before it.
   */
  boolean answerNow(JsonObject message);

  /** Parses one message; null (logged) when it is not a JSON object. */
  JsonObject parse(Buffer text);
}
