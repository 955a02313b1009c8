package dev.switchboard.core.bus;

import io.vertx.core.json.JsonObject;

/**
 * What a backend sent while serving a {@link CoreCall} (or on its standalone stream), already rewritten for the
 * client (server-to-client request ids are minted by the gateway), sent to the call's {@code streamAddress} or to
 * the session's address.
 *
 * @param message a JSON-RPC request or notification to forward to the client; null for a bare pause
 * @param pause   the backend closed its stream for polling; the transport may close the client's stream too (the
 *                client then resumes with GET and {@code Last-Event-ID})
 */
public record StreamMessage(JsonObject message, boolean pause) {
  public static StreamMessage of(JsonObject message) {
    return new StreamMessage(message, false);
  }

  public static StreamMessage paused() {
    return new StreamMessage(null, true);
  }
}
