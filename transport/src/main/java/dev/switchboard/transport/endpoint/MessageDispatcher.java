package dev.switchboard.transport.endpoint;

import dev.switchboard.core.bus.CoreBus;
import dev.switchboard.core.bus.CoreCall;
import dev.switchboard.core.bus.CoreReply;
import dev.switchboard.core.protocol.JsonRpc;
import dev.switchboard.core.protocol.McpException;
import dev.switchboard.core.protocol.McpMethod;
import dev.switchboard.core.protocol.ProtocolVersion;
import dev.switchboard.transport.session.LocalSession;
import dev.switchboard.transport.session.SessionIdManager;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Handles the messages of a known session: notifications and responses are accepted (202), {@code ping} is answered
 * at once, every other request waits for the session's registration and goes to core over the event bus.
 */
final class MessageDispatcher {
  private static final System.Logger LOG = System.getLogger(MessageDispatcher.class.getName());

  private final SessionIdManager sessions;
  private final CoreBus core;

  MessageDispatcher(SessionIdManager sessions, CoreBus core) {
    this.sessions = sessions;
    this.core = core;
  }

  /** Completes with the JSON-RPC response to send, or null when the message gets no response (202). */
  Future<JsonObject> dispatch(LocalSession session, IncomingMessage msg) {
    return switch (msg.kind()) {
      case NOTIFICATION -> {
        notification(session, msg);
        yield Future.succeededFuture();
      }
      case RESPONSE -> Future.succeededFuture();
      case REQUEST -> request(session, msg);
    };
  }

  /** A JSON-RPC batch (2025-03-26 sessions only): completes with the array of responses, or null if none. */
  Future<JsonArray> dispatchBatch(LocalSession session, JsonArray batch) {
    if (!ProtocolVersion.allowsBatches(session.protocolVersion())) {
      throw new IncomingMessage.InvalidMessage(null,
        "Invalid Request: batches are only allowed for protocol version " + ProtocolVersion.V2025_03_26);
    }
    if (batch.isEmpty()) {
      throw new IncomingMessage.InvalidMessage(null, "Invalid Request: empty batch");
    }
    List<Future<JsonObject>> answers = new ArrayList<>(batch.size());
    for (Object element : batch) {
      answers.add(batchElement(session, element));
    }
    return Future.all(answers).map(all -> {
      JsonArray responses = new JsonArray();
      answers.forEach(f -> {
        if (f.result() != null) {
          responses.add(f.result());
        }
      });
      return responses.isEmpty() ? null : responses;
    });
  }

  private Future<JsonObject> batchElement(LocalSession session, Object element) {
    IncomingMessage msg;
    try {
      msg = IncomingMessage.parse(element);
      if (McpMethod.INITIALIZE.equals(msg.method())) {
        throw new IncomingMessage.InvalidMessage(msg.id(), "Invalid Request: initialize must not be in a batch");
      }
    } catch (IncomingMessage.InvalidMessage invalid) {
      return Future.succeededFuture(JsonRpc.errorResponse(invalid.id(), invalid.toErrorObject()));
    } catch (McpException mcp) {
      return Future.succeededFuture(JsonRpc.errorResponse(null, mcp.toErrorObject()));
    }
    Object id = msg.id();
    return dispatch(session, msg).recover(err -> err instanceof McpException mcp
      ? Future.succeededFuture(JsonRpc.errorResponse(id, mcp.toErrorObject()))
      : Future.failedFuture(err));
  }

  private void notification(LocalSession session, IncomingMessage msg) {
    if (McpMethod.NOTIFICATION_INITIALIZED.equals(msg.method())) {
      sessions.register(session).onFailure(err -> LOG.log(System.Logger.Level.WARNING,
        "registration of a session failed: {0}", err.getMessage()));
    }
  }

  private Future<JsonObject> request(LocalSession session, IncomingMessage msg) {
    if (McpMethod.PING.equals(msg.method())) {
      return Future.succeededFuture(JsonRpc.response(msg.id(), new JsonObject()));
    }
    if (McpMethod.INITIALIZE.equals(msg.method())) {
      return Future.failedFuture(new IncomingMessage.InvalidMessage(msg.id(),
        "Invalid Request: initialize must be the only message of its POST"));
    }
    return sessions.register(session).compose(context ->
      core.call(new CoreCall(context, msg.method(), msg.params(), null)).map(reply -> {
        if (reply.backendSessions() != null) {
          sessions.backendSessionsChanged(session, context, reply.backendSessions());
        }
        return toResponse(msg.id(), reply);
      }));
  }

  private static JsonObject toResponse(Object id, CoreReply reply) {
    return reply.error() != null ? JsonRpc.errorResponse(id, reply.error()) : JsonRpc.response(id, reply.result());
  }
}
