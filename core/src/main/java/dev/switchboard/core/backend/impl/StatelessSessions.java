package dev.switchboard.core.backend.impl;

import dev.switchboard.core.async.Deadline;
import dev.switchboard.core.backend.BackendException;
import dev.switchboard.core.protocol.JsonRpc;
import dev.switchboard.core.protocol.McpMethod;
import dev.switchboard.core.protocol.ProtocolVersion;
import dev.switchboard.core.protocol.StatelessEnvelope;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The backend sessions of a backend that speaks the stateless revision (MCP 2026-07-28): there is nothing to open on
 * the backend, so a "session" is the gateway's handle on what each request must carry, the {@code _meta} envelope of
 * the client it stands for (version, capabilities, client info, log level). An {@code input_required} result is
 * turned into server-to-client requests (ids {@code in-<n>}) whose answers, sent back with {@code send}, complete the
 * round; the request is then sent again with {@code inputResponses} and the backend's {@code requestState}. So the
 * rest of the gateway sees a session-era backend. Thread-safe.
 */
final class StatelessSessions {

  private record Envelope(JsonObject clientInfo, JsonObject capabilities, String logLevel) {
    Envelope withLogLevel(String level) {
      return new Envelope(clientInfo, capabilities, level);
    }
  }

  private final String backend;
  private final Map<String, Envelope> sessions = new ConcurrentHashMap<>();
  private final Map<String, Promise<JsonObject>> inputs = new ConcurrentHashMap<>();
  private final AtomicLong inputIds = new AtomicLong();

  StatelessSessions(String backend) {
    this.backend = backend;
  }

  /** A new handle for a client. */
  String open(JsonObject clientInfo, JsonObject capabilities) {
    String id = "stateless-" + UUID.randomUUID();
    sessions.put(id, new Envelope(clientInfo == null ? new JsonObject() : clientInfo,
      capabilities == null ? new JsonObject() : capabilities, null));
    return id;
  }

  boolean holds(String sessionId) {
    return sessionId != null && sessions.containsKey(sessionId);
  }

  /** Forgets a handle; its open input requests fail. */
  void close(String sessionId) {
    sessions.remove(sessionId);
    inputs.entrySet().removeIf(entry -> {
      if (entry.getKey().startsWith(sessionId + "|")) {
        entry.getValue().tryFail(new BackendException(backend, BackendException.Kind.CANCELLED, "session closed"));
        return true;
      }
      return false;
    });
  }

  /** {@code logging/setLevel} has no method in this revision: the level travels in each later request's envelope. */
  void logLevel(String sessionId, String level) {
    sessions.computeIfPresent(sessionId, (id, envelope) -> envelope.withLogLevel(level));
  }

  /** The params of a request on a handle, with the envelope in {@code _meta}. */
  JsonObject withEnvelope(String sessionId, JsonObject params) {
    Envelope envelope = sessions.get(sessionId);
    JsonObject copy = params == null ? new JsonObject() : params.copy();
    JsonObject meta = copy.getValue("_meta") instanceof JsonObject existing ? existing : new JsonObject();
    meta.put(StatelessEnvelope.META_PROTOCOL_VERSION, ProtocolVersion.V2026_07_28)
      .put(StatelessEnvelope.META_CLIENT_CAPABILITIES, envelope == null ? new JsonObject() : envelope.capabilities())
      .put(StatelessEnvelope.META_CLIENT_INFO, envelope == null ? new JsonObject() : envelope.clientInfo());
    if (envelope != null && envelope.logLevel() != null) {
      meta.put(StatelessEnvelope.META_LOG_LEVEL, envelope.logLevel());
    }
    copy.put("_meta", meta);
    return copy;
  }

  /** The envelope of the gateway's own probe ({@code server/discover}). */
  static JsonObject probeParams(JsonObject clientInfo) {
    return new JsonObject().put("_meta", new JsonObject()
      .put(StatelessEnvelope.META_PROTOCOL_VERSION, ProtocolVersion.V2026_07_28)
      .put(StatelessEnvelope.META_CLIENT_CAPABILITIES, new JsonObject())
      .put(StatelessEnvelope.META_CLIENT_INFO, clientInfo));
  }

  /**
   * Asks the client each question of an {@code input_required} result, as server-to-client requests on
   * {@code relay}; completes with the answers by key (the {@code inputResponses} of the retry).
   */
  Future<JsonObject> ask(String sessionId, JsonObject inputRequests, Consumer<JsonObject> relay,
                         long timeoutMillis) {
    JsonObject answers = new JsonObject();
    Future<Void> all = Future.succeededFuture();
    for (String key : inputRequests.fieldNames()) {
      if (!(inputRequests.getValue(key) instanceof JsonObject question)
        || !(question.getValue("method") instanceof String method)) {
        continue;
      }
      String id = "in-" + inputIds.incrementAndGet();
      Promise<JsonObject> answer = Promise.promise();
      inputs.put(sessionId + "|" + id, answer);
      JsonObject params = question.getValue("params") instanceof JsonObject p ? p.copy() : new JsonObject();
      JsonObject meta = params.getValue("_meta") instanceof JsonObject m ? m : new JsonObject();
      params.put("_meta", meta.put(StatelessEnvelope.INPUT_KEY_HINT, key));
      relay.accept(JsonRpc.request(id, method, params));
      Future<JsonObject> bounded = Deadline.within(answer.future(), timeoutMillis)
        .andThen(done -> inputs.remove(sessionId + "|" + id));
      all = all.compose(v -> bounded.map(result -> {
        answers.put(key, result);
        return null;
      }));
    }
    return all.map(answers);
  }

  /**
   * A message the client sent on a handle: the answer to one of its input requests completes it (true); anything
   * else has nothing to go to in this revision (false).
   */
  boolean answer(String sessionId, JsonObject message) {
    Object id = message.getValue("id");
    if (id == null || message.containsKey("method")) {
      return false;
    }
    Promise<JsonObject> pending = inputs.remove(sessionId + "|" + id);
    if (pending == null) {
      return false;
    }
    if (message.getValue("result") instanceof JsonObject result) {
      pending.tryComplete(result);
    } else {
      pending.tryFail(new BackendException(backend, BackendException.Kind.PROTOCOL,
        "the client refused the backend's input request"));
    }
    return true;
  }

  /**
   * True for a method this revision removed, answered by the gateway itself on a handle ({@code resources/subscribe}
   * with an error: updates of a stateless backend are not followed).
   */
  static boolean answeredLocally(String method) {
    return McpMethod.LOGGING_SET_LEVEL.equals(method) || McpMethod.RESOURCES_SUBSCRIBE.equals(method)
      || McpMethod.RESOURCES_UNSUBSCRIBE.equals(method);
  }
}
