package dev.switchboard.transport.stateless;

import dev.switchboard.core.bus.Identity;
import dev.switchboard.core.protocol.JsonRpcError;
import dev.switchboard.core.protocol.McpException;
import dev.switchboard.transport.limits.LimitExceeded;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Multi-round-trip requests (MCP 2026-07-28, {@code input_required}) for backends of the session era: the calls of
 * this instance that asked the client for input and wait for its retry ({@link BridgedCall}), and the gateway's
 * signed {@code requestState} that leads a retry back to its call. The state is bound to the caller, the method and
 * the name it was issued for, the call, its round (an earlier state is a replay) and an expiry. A call nobody came
 * back for is cancelled after {@code requestStateTtl}. Shared by the transport verticles of one process.
 */
public final class InputBridge {
  /**
   * The {@code _meta} key with which a session-era backend may name the key of its server-to-client request in the
   * {@code inputRequests} of the {@code input_required} result (it is taken out before the client sees the request);
   * without it the gateway numbers the requests of a call.
   */
  public static final String INPUT_KEY_HINT = "dev.switchboard/inputKey";
  private static final long SWEEP_MILLIS = 1_000;

  /** A server-to-client request as a session-era client sees it: without the input-key hint. */
  public static JsonObject withoutKeyHint(JsonObject message) {
    if (message.getValue("params") instanceof JsonObject params && params.getValue("_meta") instanceof JsonObject meta
      && meta.containsKey(INPUT_KEY_HINT)) {
      JsonObject copy = message.copy();
      JsonObject copiedParams = copy.getJsonObject("params");
      JsonObject copiedMeta = copiedParams.getJsonObject("_meta");
      copiedMeta.remove(INPUT_KEY_HINT);
      if (copiedMeta.isEmpty()) {
        copiedParams.remove("_meta");
      }
      return copy;
    }
    return message;
  }

  private final Vertx vertx;
  private final StatelessOptions options;
  private final RequestStates states;
  private final Map<String, BridgedCall> calls = new ConcurrentHashMap<>();
  private final long sweeper;
  private volatile StatelessResults results;

  public InputBridge(Vertx vertx, StatelessOptions options) {
    this.vertx = vertx;
    this.options = options;
    this.states = new RequestStates(options.requestStateKey());
    this.sweeper = vertx.setPeriodic(SWEEP_MILLIS, id -> sweep());
  }

  /** How results are stamped (set by the endpoint). */
  void results(StatelessResults stamping) {
    this.results = stamping;
  }

  /** Registers a new call; 503 beyond the bound. */
  String register(Function<String, BridgedCall> factory) {
    if (calls.size() >= options.maxParkedCalls()) {
      throw new LimitExceeded("Too many stateless calls in progress; retry shortly");
    }
    String key = UUID.randomUUID().toString();
    calls.put(key, factory.apply(key));
    return key;
  }

  BridgedCall get(String key) {
    return calls.get(key);
  }

  /** Forgets a call (answered or abandoned) and releases its held session. */
  void finished(BridgedCall call) {
    if (calls.remove(call.key(), call)) {
      call.held().release(System.nanoTime());
    }
  }

  /** Runs {@code action} after the input window (more questions of the backend may follow the first). */
  void later(Runnable action) {
    long millis = options.inputWindow().toMillis();
    if (millis <= 0) {
      vertx.runOnContext(v -> action.run());
    } else {
      vertx.setTimer(millis, id -> action.run());
    }
  }

  JsonObject stamp(String method, JsonObject result) {
    return results.stamp(method, result, false);
  }

  /** The signed state for a call's round. */
  String seal(BridgedCall call, int round) {
    StatelessRequest request = call.request();
    JsonObject payload = new JsonObject()
      .put("c", call.key())
      .put("n", round)
      .put("u", HeldSessions.key(call.held().client().identity(), new JsonObject()))
      .put("m", request.method())
      .put("nm", StatelessRequest.namedBy(request.method(), request.params()))
      .put("exp", System.currentTimeMillis() + options.requestStateTtl().toMillis());
    return states.seal(payload);
  }

  /**
   * A retry that carries a {@code requestState}: its call, resumed with the retry as the request that waits; -32602
   * when the state is not ours, expired, issued to another caller or request, replayed, or its call is not held here
   * (this instance did not issue it or has forgotten it: the client sends the request again without the state).
   */
  void resume(StatelessRequest retry, Identity caller, StatelessAnswer answer) {
    JsonObject payload = states.open(retry.params().getValue("requestState"), System.currentTimeMillis());
    Object name = StatelessRequest.namedBy(retry.method(), retry.params());
    if (!HeldSessions.key(caller, new JsonObject()).equals(payload.getString("u"))
      || !retry.method().equals(payload.getString("m"))
      || !Objects.equals(name, payload.getValue("nm"))
      || !(payload.getValue("n") instanceof Number round)) {
      throw RequestStates.invalid();
    }
    BridgedCall call = calls.get(payload.getString("c"));
    if (call == null) {
      throw new McpException(JsonRpcError.INVALID_PARAMS, "The call this requestState continues is no longer held; "
        + "send the request again without requestState", new JsonObject().put("reason", "request_state_gone"));
    }
    if (!call.resume(round.intValue(), retry, answer)) {
      throw RequestStates.invalid();
    }
  }

  private void sweep() {
    long now = System.nanoTime();
    long ttl = options.requestStateTtl().toNanos();
    calls.values().forEach(call -> {
      long parked = call.parkedSinceNanos();
      if (parked != 0 && now - parked > ttl) {
        call.abandon("the client did not come back with the input in time");
      }
    });
  }

  /** Calls held now. */
  public int size() {
    return calls.size();
  }

  public void close() {
    vertx.cancelTimer(sweeper);
    calls.values().forEach(call -> call.abandon("the gateway stops"));
  }
}
