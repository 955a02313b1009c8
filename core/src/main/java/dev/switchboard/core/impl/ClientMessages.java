package dev.switchboard.core.impl;

import dev.switchboard.core.backend.BackendClient;
import dev.switchboard.core.bus.ClientMessage;
import dev.switchboard.core.bus.SessionContext;
import dev.switchboard.core.fairness.CallPermits;
import dev.switchboard.core.protocol.JsonRpc;
import dev.switchboard.core.protocol.McpMethod;
import io.vertx.core.json.JsonObject;

/**
 * Client messages that are not requests: answers to server-to-client requests go to the backend named by their
 * minted id, under the backend's original id; a cancellation goes to the backend running the request (to every
 * backend of the session when the request runs on another instance); a roots change goes to every backend of the
 * session.
 */
final class ClientMessages {
  private static final System.Logger LOG = System.getLogger(ClientMessages.class.getName());

  private final BackendRegistry registry;
  private final CallPermits permits;

  ClientMessages(BackendRegistry registry, CallPermits permits) {
    this.registry = registry;
    this.permits = permits;
  }

  void handle(ClientMessage clientMessage) {
    SessionContext session = clientMessage.session();
    JsonObject message = clientMessage.message();
    if (JsonRpc.isResponse(message)) {
      answer(session, message);
      return;
    }
    String method = message.getString("method", "");
    if (McpMethod.NOTIFICATION_CANCELLED.equals(method)) {
      cancel(session, message.getJsonObject("params", new JsonObject()));
    } else if (McpMethod.NOTIFICATION_ROOTS_LIST_CHANGED.equals(method)) {
      session.backendSessions().forEach((backend, stored) -> send(backend, stored, message));
    }
  }

  private void answer(SessionContext session, JsonObject response) {
    ServerRequestIds.Minted minted = ServerRequestIds.parse(response.getValue("id"));
    if (minted == null || !session.backendSessions().containsKey(minted.backend())) {
      LOG.log(System.Logger.Level.DEBUG, "dropped a response to an unknown server request");
      return;
    }
    send(minted.backend(), session.backendSessions().get(minted.backend()),
      response.copy().put("id", minted.originalId()));
  }

  private void cancel(SessionContext session, JsonObject params) {
    Object requestId = params.getValue("requestId");
    if (!(requestId instanceof String) && !(requestId instanceof Number)) {
      return;
    }
    String backend = permits.backendOf(session.client().sessionId(), requestId);
    if (backend != null) {
      cancel(session, backend, requestId, params.getString("reason"));
    } else {
      // running on another instance (or finished): every backend of the session may ignore an unknown id
      session.backendSessions().keySet().forEach(name -> cancel(session, name, requestId, params.getString("reason")));
    }
  }

  private void cancel(SessionContext session, String backend, Object requestId, String reason) {
    BackendClient client = registry.get(backend);
    String stored = session.backendSessions().get(backend);
    if (client != null && stored != null) {
      client.cancel(StoredIds.fromStored(stored), requestId, reason).onFailure(err -> LOG.log(
        System.Logger.Level.DEBUG, "cancellation not delivered to ''{0}'': {1}", backend, err.getMessage()));
    }
  }

  private void send(String backend, String stored, JsonObject message) {
    BackendClient client = registry.get(backend);
    if (client == null) {
      return;
    }
    client.send(StoredIds.fromStored(stored), message).onFailure(err -> LOG.log(System.Logger.Level.DEBUG,
      "message to ''{0}'' not delivered: {1}", backend, err.getMessage()));
  }
}
