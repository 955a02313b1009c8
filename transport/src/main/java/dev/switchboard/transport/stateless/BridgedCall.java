package dev.switchboard.transport.stateless;

import dev.switchboard.core.bus.ClientMessage;
import dev.switchboard.core.bus.CoreBus;
import dev.switchboard.core.bus.CoreReply;
import dev.switchboard.core.bus.SessionContext;
import dev.switchboard.core.bus.StreamMessage;
import dev.switchboard.core.protocol.JsonRpc;
import dev.switchboard.core.protocol.JsonRpcError;
import dev.switchboard.core.protocol.LogLevels;
import dev.switchboard.core.protocol.McpMethod;
import dev.switchboard.core.protocol.StatelessEnvelope;
import io.vertx.core.AsyncResult;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One stateless call routed to a backend through a held session, from its first request to its complete result,
 * across the client's retries. What the backend streams is passed on to the request waiting now ({@link
 * StatelessAnswer}): progress, and log messages at or above the request's {@code logLevel}. A server-to-client
 * request of the backend (sampling, elicitation, roots) becomes an entry of an {@code input_required} result, keyed
 * by the backend's hint ({@link StatelessEnvelope#INPUT_KEY_HINT} in the request's {@code _meta}) or by the gateway;
 * the call is then parked until the client's retry brings the answers ({@link InputBridge}). Thread-safe: events
 * arrive on the context of the verticle that made the call, retries on any.
 */
final class BridgedCall {
  private static final int MAX_KEY_LENGTH = 64;

  private record Asked(Object backendId, String method, JsonObject params) {
  }

  private final String key;
  private final InputBridge bridge;
  private final CoreBus core;
  private final SessionContext context;
  private final HeldSession held;
  private final Object backendRequestId;
  private final boolean privateScope;
  private final Map<String, Asked> asked = new LinkedHashMap<>();
  private StatelessRequest request;
  private StatelessAnswer waiter;
  private AsyncResult<CoreReply> reply;
  private int round;
  private int minted;
  private boolean flushScheduled;
  private boolean finished;
  private long parkedSinceNanos;

  /** @param privateScope the caller is authenticated: its results are {@code cacheScope: private} */
  BridgedCall(String key, InputBridge bridge, CoreBus core, SessionContext context, HeldSession held,
              Object backendRequestId, StatelessRequest request, StatelessAnswer waiter, boolean privateScope) {
    this.key = key;
    this.privateScope = privateScope;
    this.bridge = bridge;
    this.core = core;
    this.context = context;
    this.held = held;
    this.backendRequestId = backendRequestId;
    this.request = request;
    this.waiter = waiter;
  }

  String key() {
    return key;
  }

  synchronized StatelessRequest request() {
    return request;
  }

  /** Parked (waiting for the client's retry) since, or 0 while a request waits for it. */
  synchronized long parkedSinceNanos() {
    return waiter == null ? parkedSinceNanos : 0;
  }

  /** A message the backend streamed during the call. */
  synchronized void onMessage(StreamMessage streamed) {
    JsonObject message = streamed.message();
    if (message == null || finished) {
      return;
    }
    String method = message.getString("method");
    if (method != null && message.containsKey("id")) {
      onBackendRequest(message.getValue("id"), method, message.getJsonObject("params", new JsonObject()));
    } else if (waiter != null && wanted(method, message)) {
      waiter.notify(message);
    }
  }

  private boolean wanted(String method, JsonObject message) {
    if (McpMethod.NOTIFICATION_PROGRESS.equals(method)) {
      return true;
    }
    if (McpMethod.NOTIFICATION_MESSAGE.equals(method)) {
      String threshold = request.logLevel();
      JsonObject params = message.getJsonObject("params");
      String level = params == null ? null : params.getString("level");
      return LogLevels.isLevel(threshold) && LogLevels.isLevel(level) && LogLevels.admits(threshold, level);
    }
    return false;
  }

  private void onBackendRequest(Object backendId, String method, JsonObject params) {
    String capability = switch (method) {
      case McpMethod.SAMPLING_CREATE_MESSAGE -> "sampling";
      case McpMethod.ELICITATION_CREATE -> "elicitation";
      case McpMethod.ROOTS_LIST -> "roots";
      default -> null;
    };
    if (capability == null || !StatelessResults.MAY_REQUIRE_INPUT.contains(request.method())) {
      answerBackend(backendId, null, JsonRpc.errorObject(JsonRpcError.METHOD_NOT_FOUND,
        "The client cannot be asked " + method + " during " + request.method(), null));
      return;
    }
    JsonObject declared = request.capabilities().getValue(capability) instanceof JsonObject d ? d : null;
    // a URL-mode elicitation needs elicitation.url; a form (or unspecified) one, elicitation
    boolean urlMode = "elicitation".equals(capability) && "url".equals(params.getValue("mode"));
    if (declared == null || urlMode && !(declared.getValue("url") instanceof JsonObject)) {
      JsonObject required = urlMode ? new JsonObject().put("url", new JsonObject()) : new JsonObject();
      answerBackend(backendId, null, JsonRpc.errorObject(JsonRpcError.MISSING_CLIENT_CAPABILITY,
        "The client did not declare the " + capability + (urlMode ? ".url" : "") + " capability", new JsonObject()
          .put("requiredCapabilities", new JsonObject().put(capability, required))));
      return;
    }
    JsonObject forwarded = params.copy();
    String inputKey = hint(forwarded);
    while (inputKey == null || asked.containsKey(inputKey)) {
      inputKey = "input-" + (++minted);
    }
    Object given = inputResponses(request) == null ? null : inputResponses(request).getValue(inputKey);
    if (given instanceof JsonObject answer && round == 0) {
      // a stateless retry that already carries the answer to this very question
      answerBackend(backendId, answer, null);
      return;
    }
    asked.put(inputKey, new Asked(backendId, method, forwarded));
    if (!flushScheduled && waiter != null) {
      flushScheduled = true;
      bridge.later(this::flush);
    }
  }

  /** The input key a backend named in its request's {@code _meta}, taken out of what the client sees. */
  private static String hint(JsonObject params) {
    Object value = InputBridge.takeKeyHint(params);
    return value instanceof String text && !text.isEmpty() && text.length() <= MAX_KEY_LENGTH ? text : null;
  }

  private static JsonObject inputResponses(StatelessRequest request) {
    return request.params().getValue("inputResponses") instanceof JsonObject responses ? responses : null;
  }

  /** Answers the waiting request with {@code input_required} for what the backend asked; the call is parked. */
  synchronized void flush() {
    flushScheduled = false;
    if (finished || waiter == null || asked.isEmpty()) {
      return;
    }
    round++;
    JsonObject inputRequests = new JsonObject();
    asked.forEach((inputKey, a) -> inputRequests.put(inputKey,
      new JsonObject().put("method", a.method()).put("params", a.params())));
    JsonObject result = new JsonObject().put("resultType", StatelessResults.INPUT_REQUIRED)
      .put("inputRequests", inputRequests)
      .put("requestState", bridge.seal(this, round));
    StatelessAnswer answer = waiter;
    waiter = null;
    parkedSinceNanos = System.nanoTime();
    // parked: keep what a retry is checked against and what the result needs, not the request's arguments
    request = request.parked();
    answer.result(bridge.stamp(request.method(), result, privateScope));
  }

  /**
   * The client's retry with its answers: answered questions go to the backend, and the retry waits for what comes
   * next (the result, or more questions). False when the state names an earlier round (a replay) or another retry
   * is already waiting.
   */
  synchronized boolean resume(int stateRound, StatelessRequest retry, StatelessAnswer answer) {
    if (finished && reply == null || stateRound != round || waiter != null) {
      return false;
    }
    request = retry;
    waiter = answer;
    JsonObject responses = inputResponses(retry);
    if (responses != null) {
      asked.entrySet().removeIf(entry -> {
        if (responses.getValue(entry.getKey()) instanceof JsonObject given) {
          answerBackend(entry.getValue().backendId(), given, null);
          return true;
        }
        return false;
      });
    }
    if (reply != null) {
      deliver();
    } else if (!asked.isEmpty()) {
      flush();
    }
    return true;
  }

  private void answerBackend(Object backendId, JsonObject result, JsonObject error) {
    JsonObject message = new JsonObject().put("jsonrpc", JsonRpc.VERSION).put("id", backendId);
    if (error != null) {
      message.put("error", error);
    } else {
      message.put("result", result);
    }
    core.clientMessage(new ClientMessage(context, message));
  }

  /** The backend's answer to the call. */
  synchronized void onReply(AsyncResult<CoreReply> outcome) {
    if (reply != null) {
      return;
    }
    reply = outcome;
    finished = true;
    if (outcome.succeeded() && outcome.result().backendSessions() != null) {
      held.backendSessionsChanged(outcome.result().backendSessions());
    }
    if (waiter != null) {
      deliver();
    } else if (outcome.failed() || outcome.result().failure() != null) {
      // the call failed while parked (timed out, cancelled): nothing is left for a retry to continue
      bridge.finished(this);
    }
  }

  private void deliver() {
    StatelessAnswer answer = waiter;
    waiter = null;
    bridge.finished(this);
    if (reply.failed()) {
      answer.fail(reply.cause());
    } else if (reply.result().failure() != null) {
      answer.fail(StatelessResults.translate(request.method(), request.params(), reply.result().failure()));
    } else {
      answer.result(bridge.stamp(request.method(), reply.result().result(), privateScope));
    }
  }

  /** Gives up: the client never came back, or went away while it waited. The backend's request is cancelled. */
  synchronized void abandon(String reason) {
    bridge.finished(this);
    if (!finished) {
      finished = true;
      core.clientMessage(new ClientMessage(context, JsonRpc.notification(McpMethod.NOTIFICATION_CANCELLED,
        new JsonObject().put("requestId", backendRequestId).put("reason", reason))));
    }
  }

  /** The client closed the request that waits for this call: the call is given up (not so once it is parked). */
  synchronized void clientGone(StatelessAnswer answer) {
    if (waiter == answer) {
      abandon("the client closed the request");
    }
  }

  /** The held session the call runs on (released once, when the bridge forgets the call). */
  HeldSession held() {
    return held;
  }
}
