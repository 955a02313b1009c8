package dev.switchboard.core.bus;

import dev.switchboard.core.trace.TraceContext;
import io.vertx.core.json.JsonObject;

/**
 * Sent to {@link CoreAddress#CLIENT_MESSAGE} (no reply): a message from the client that is not a request: a response
 * to a server-to-client request (its id minted by the gateway names the backend), {@code notifications/cancelled},
 * {@code notifications/roots/list_changed}.
 *
 * @param session the session
 * @param message the JSON-RPC message as the client sent it
 * @param trace   the trace of the request being handled where this message was made (see {@link CoreBus}); the
 *                short constructor takes {@link TraceContext#current()}
 */
public record ClientMessage(SessionContext session, JsonObject message, TraceContext trace) implements Traced {
  public ClientMessage(SessionContext session, JsonObject message) {
    this(session, message, TraceContext.current());
  }
}
