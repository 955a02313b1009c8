package dev.switchboard.transport.kit;

import dev.switchboard.core.protocol.JsonRpc;
import dev.switchboard.core.protocol.JsonRpcError;
import dev.switchboard.core.protocol.McpMethod;
import dev.switchboard.core.protocol.ProtocolVersion;
import dev.switchboard.transport.streamable.HttpFailure;
import dev.switchboard.transport.streamable.HttpResponses;
import dev.switchboard.transport.streamable.JsonDepth;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A POST body: one JSON-RPC message (or, in a 2025-03-26 session, an array of them). {@code initialize} opens a
 * session; notifications and responses are answered 202; requests are dispatched and answered through a
 * {@link PostExchange}.
 */
final class PostHandler {
  private final ServerRuntime runtime;

  PostHandler(ServerRuntime runtime) {
    this.runtime = runtime;
  }

  void handle(HttpServerRequest req, Buffer body) {
    if (JsonDepth.exceeds(body, runtime.options().getMaxJsonDepth())) {
      throw HttpFailure.invalidRequest("Invalid Request: JSON nested too deeply");
    }
    Object parsed;
    try {
      parsed = Json.decodeValue(body);
    } catch (DecodeException e) {
      throw HttpFailure.parseError("Parse error: " + e.getMessage());
    }
    if (parsed instanceof JsonObject message) {
      single(req, message);
    } else if (parsed instanceof JsonArray array) {
      batch(req, array);
    } else {
      throw HttpFailure.invalidRequest("Invalid Request: expected a JSON-RPC message");
    }
  }

  private void single(HttpServerRequest req, JsonObject message) {
    MessageKind kind = MessageKind.of(message);
    if (kind == MessageKind.INVALID) {
      HttpResponses.error(req.response(), 400, readableId(message), JsonRpcError.INVALID_REQUEST,
        "Invalid Request: not a JSON-RPC 2.0 message");
      return;
    }
    if (kind == MessageKind.REQUEST && McpMethod.INITIALIZE.equals(message.getString("method"))) {
      initialize(req, message);
      return;
    }
    process(req, McpHttpHandler.session(req, runtime), List.of(message), false);
  }

  private void batch(HttpServerRequest req, JsonArray array) {
    List<JsonObject> messages = new ArrayList<>(array.size());
    for (Object item : array) {
      if (!(item instanceof JsonObject message) || MessageKind.of(message) == MessageKind.INVALID) {
        throw HttpFailure.invalidRequest("Invalid Request: a batch must hold JSON-RPC messages");
      }
      if (McpMethod.INITIALIZE.equals(message.getString("method"))) {
        throw HttpFailure.invalidRequest("Invalid Request: initialize must not be part of a batch");
      }
      messages.add(message);
    }
    if (messages.isEmpty()) {
      throw HttpFailure.invalidRequest("Invalid Request: empty batch");
    }
    ServerSession session = McpHttpHandler.session(req, runtime);
    if (!ProtocolVersion.allowsBatches(session.protocolVersion())) {
      throw HttpFailure.invalidRequest("Invalid Request: batches are not supported in protocol version "
        + session.protocolVersion());
    }
    process(req, session, messages, true);
  }

  private void process(HttpServerRequest req, ServerSession session, List<JsonObject> messages, boolean batch) {
    session.touch();
    int requests = (int) messages.stream().filter(m -> MessageKind.of(m) == MessageKind.REQUEST).count();
    PostExchange exchange = requests == 0 ? null : new PostExchange(req.response(), session, batch, requests);
    for (JsonObject message : messages) {
      switch (MessageKind.of(message)) {
        case REQUEST -> runtime.dispatcher().request(session, message, exchange);
        case NOTIFICATION -> runtime.dispatcher().notification(session, message);
        case RESPONSE -> session.completeRequest(message);
        default -> throw new IllegalStateException("validated above");
      }
    }
    if (exchange == null) {
      HttpResponses.empty(req.response(), 202);
    }
  }

  private void initialize(HttpServerRequest req, JsonObject message) {
    Object id = message.getValue("id");
    runtime.countRequest(McpMethod.INITIALIZE);
    JsonObject params = message.getValue("params") instanceof JsonObject p ? p : null;
    if (params == null || !(params.getValue("protocolVersion") instanceof String requested)) {
      HttpResponses.json(req.response(), 200, JsonRpc.errorResponse(id, JsonRpcError.INVALID_PARAMS,
        "Invalid params: initialize needs protocolVersion, capabilities and clientInfo"));
      return;
    }
    JsonObject capabilities = params.getValue("capabilities") instanceof JsonObject c ? c : new JsonObject();
    String version = ProtocolVersion.negotiate(requested);
    ServerSession session = runtime.createSession(version, capabilities.copy());
    if (session == null) {
      throw HttpFailure.of(503, "Service Unavailable: too many sessions");
    }
    req.response().putHeader(McpHttpHandler.SESSION_HEADER, session.id());
    new PostExchange(req.response(), session, false, 1)
      .respond(JsonRpc.response(id, runtime.server().initializeResult(version)));
  }

  private static Object readableId(JsonObject message) {
    Object id = message.getValue("id");
    return id instanceof String || id instanceof Number ? id : null;
  }
}
