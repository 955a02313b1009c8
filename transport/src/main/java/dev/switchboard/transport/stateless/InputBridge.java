package dev.switchboard.transport.stateless;

import dev.switchboard.core.bus.Identity;
import dev.switchboard.core.protocol.JsonRpcError;
import dev.switchboard.core.protocol.McpException;
import dev.switchboard.core.protocol.StatelessEnvelope;
import dev.switchboard.transport.limits.LimitExceeded;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Multi-round-trip requests (MCP 2026-07-28, {@code input_required}) for backends of the session era: the calls of
 * this instance that asked the client for input and wait for its retry ({@link BridgedCall}), and the gateway's
 * signed {@code requestState} that leads a retry back to its call. The state is bound to the caller, the method and
 * the name it was issued for, the call, its round (an earlier state is a replay) and an expiry. A call nobody came
 * back for is cancelled after {@code requestStateTtl}. Shared by the transport verticles of one process.
 *
 * <p>The state also names the instance that holds the call. A retry that reaches another instance (sharing the key) is
 * sent there over the {@link InstanceLink} ({@value #RETRY}); the holder acknowledges it at once ({@value #ACK}) and
 * sends the outcome back ({@value #ANSWER}). Without an acknowledgement within {@value #ACK_MILLIS} ms the holder is
 * taken for gone, and the client is told to send its request again without the state.
 */
public final class InputBridge {
  private static final long SWEEP_MILLIS = 1_000;
  /** A retry for the instance that holds its call. */
  static final String RETRY = "stateless.input.retry";
  /** The holder got a retry. */
  static final String ACK = "stateless.input.ack";
  /** The outcome of a retry, for the instance that got it. */
  static final String ANSWER = "stateless.input.answer";
  static final long ACK_MILLIS = 2_000;

  /** A retry sent to the instance that holds its call, waiting for the outcome (the timer: ack, then outcome). */
  private record Forward(StatelessAnswer answer, long timer, boolean acked) {
  }

  /** A server-to-client request as a session-era client sees it: without the input-key hint. */
  public static JsonObject withoutKeyHint(JsonObject message) {
    if (message.getValue("params") instanceof JsonObject params && params.getValue("_meta") instanceof JsonObject meta
      && meta.containsKey(StatelessEnvelope.INPUT_KEY_HINT)) {
      JsonObject copy = message.copy();
      takeKeyHint(copy.getJsonObject("params"));
      return copy;
    }
    return message;
  }

  /** Takes the input-key hint out of a request's params (and an emptied {@code _meta}); returns it, or null. */
  static Object takeKeyHint(JsonObject params) {
    if (!(params.getValue("_meta") instanceof JsonObject meta)) {
      return null;
    }
    Object value = meta.remove(StatelessEnvelope.INPUT_KEY_HINT);
    if (meta.isEmpty()) {
      params.remove("_meta");
    }
    return value;
  }

  private final Vertx vertx;
  private final StatelessOptions options;
  private final RequestStates states;
  private final Map<String, BridgedCall> calls = new ConcurrentHashMap<>();
  private final Map<String, Forward> forwards = new ConcurrentHashMap<>();
  /** Call keys: unique on this instance (a state names its instance too, and is signed). */
  private final AtomicLong callIds = new AtomicLong();
  private final String instance = UUID.randomUUID().toString();
  private final InstanceLink link;
  private final long sweeper;
  private volatile StatelessResults results;

  public InputBridge(Vertx vertx, StatelessOptions options, InstanceLink link) {
    this.vertx = vertx;
    this.options = options;
    this.link = link;
    this.states = new RequestStates(options.requestStateKey());
    this.sweeper = vertx.setPeriodic(SWEEP_MILLIS, id -> sweep());
    link.on(RETRY, this::onRetry);
    link.on(ACK, this::onAck);
    link.on(ANSWER, this::onAnswer);
  }

  /** How results are stamped (set by the endpoint). */
  void results(StatelessResults stamping) {
    this.results = stamping;
  }

  /** Registers a new call, made by {@code factory} with its key; 503 beyond the bound. */
  BridgedCall register(Function<String, BridgedCall> factory) {
    if (calls.size() >= options.maxParkedCalls()) {
      throw new LimitExceeded("Too many stateless calls in progress; retry shortly");
    }
    BridgedCall call = factory.apply(Long.toString(callIds.incrementAndGet(), Character.MAX_RADIX));
    calls.put(call.key(), call);
    return call;
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

  JsonObject stamp(String method, JsonObject result, boolean privateScope) {
    return results.stamp(method, result, privateScope);
  }

  /** The signed state for a call's round. */
  String seal(BridgedCall call, int round) {
    StatelessRequest request = call.request();
    JsonObject payload = new JsonObject()
      .put("i", instance)
      .put("c", call.key())
      .put("n", round)
      .put("u", HeldSessions.digest(call.held().client().identity()))
      .put("m", request.method())
      .put("nm", StatelessEnvelope.nameOf(request.method(), request.params()))
      .put("exp", System.currentTimeMillis() + options.requestStateTtl().toMillis());
    return states.seal(payload);
  }

  /**
   * A retry that carries a {@code requestState}: its call, resumed with the retry as the request that waits; -32602
   * when the state is not ours, expired, issued to another caller or request, or replayed. A call held by another
   * instance is reached there; one that no instance holds any more is -32602 too (the client sends the request again
   * without the state).
   */
  void resume(StatelessRequest retry, Identity caller, StatelessAnswer answer) {
    JsonObject payload = checked(retry, caller);
    if (!instance.equals(payload.getString("i"))) {
      // call numbers are per instance: only the instance that issued the state may look its call up
      forward(payload.getString("i"), retry, caller, answer);
      return;
    }
    resumeHere(payload, retry, answer);
  }

  private JsonObject checked(StatelessRequest retry, Identity caller) {
    JsonObject payload = states.open(retry.params().getValue("requestState"), System.currentTimeMillis());
    Object name = StatelessEnvelope.nameOf(retry.method(), retry.params());
    if (!HeldSessions.digest(caller).equals(payload.getString("u"))
      || !retry.method().equals(payload.getString("m"))
      || !Objects.equals(name, payload.getValue("nm"))
      || !(payload.getValue("n") instanceof Number)) {
      throw RequestStates.invalid();
    }
    return payload;
  }

  /** The retry of a call of this instance; the call must be the one the state was issued for. */
  private void resumeHere(JsonObject payload, StatelessRequest retry, StatelessAnswer answer) {
    BridgedCall call = calls.get(payload.getString("c"));
    if (call == null) {
      throw gone();
    }
    if (!payload.getString("u").equals(HeldSessions.digest(call.held().client().identity()))
      || !payload.getString("m").equals(call.request().method())) {
      throw RequestStates.invalid();
    }
    answer.onGone(() -> call.clientGone(answer));
    if (!call.resume(payload.getInteger("n"), retry, answer)) {
      throw RequestStates.invalid();
    }
  }

  private static McpException gone() {
    return new McpException(JsonRpcError.INVALID_PARAMS, "The call this requestState continues is no longer held; "
      + "send the request again without requestState", new JsonObject().put("reason", "request_state_gone"));
  }

  // ---- retries that reach another instance than the call's ------------------------------------------------------

  private void forward(String holder, StatelessRequest retry, Identity caller, StatelessAnswer answer) {
    String token = UUID.randomUUID().toString();
    long ackTimer = vertx.setTimer(ACK_MILLIS, id -> giveUp(token));
    forwards.put(token, new Forward(answer, ackTimer, false));
    answer.onGone(() -> {
      Forward gone = forwards.remove(token);
      if (gone != null) {
        vertx.cancelTimer(gone.timer());
      }
    });
    JsonObject request = new JsonObject().put("id", retry.id()).put("method", retry.method())
      .put("params", retry.params()).put("version", retry.version()).put("capabilities", retry.capabilities())
      .put("clientInfo", retry.clientInfo()).put("logLevel", retry.logLevel());
    link.publish(RETRY, new JsonObject().put("to", holder).put("from", instance).put("token", token)
        .put("issuer", caller.issuer()).put("subject", caller.subject()).put("request", request))
      .onFailure(err -> giveUp(token));
  }

  /** No acknowledgement, no outcome in time, or the message could not be sent: the client starts again. */
  private void giveUp(String token) {
    Forward forward = forwards.remove(token);
    if (forward != null) {
      vertx.cancelTimer(forward.timer());
      forward.answer().fail(gone());
    }
  }

  /** On the holder: a retry another instance got. */
  private void onRetry(JsonObject body) {
    if (!instance.equals(body.getString("to"))) {
      return;
    }
    String from = body.getString("from");
    String token = body.getString("token");
    link.publish(ACK, new JsonObject().put("to", from).put("token", token));
    StatelessAnswer answer = new RelayedAnswer(link, from, token);
    try {
      JsonObject r = body.getJsonObject("request");
      StatelessRequest retry = new StatelessRequest(r.getValue("id"), r.getString("method"),
        r.getJsonObject("params"), r.getString("version"), r.getJsonObject("capabilities"),
        r.getJsonObject("clientInfo"), r.getString("logLevel"));
      Identity caller = new Identity(body.getString("issuer"), body.getString("subject"));
      JsonObject payload = checked(retry, caller);
      if (!instance.equals(payload.getString("i"))) {
        throw gone();
      }
      resumeHere(payload, retry, answer);
    } catch (RuntimeException e) {
      answer.fail(e);
    }
  }

  /** The holder got the retry: the wait for its outcome is bounded by the state's lifetime. */
  private void onAck(JsonObject body) {
    if (instance.equals(body.getString("to"))) {
      forwards.computeIfPresent(body.getString("token"), (token, forward) -> {
        vertx.cancelTimer(forward.timer());
        return new Forward(forward.answer(), vertx.setTimer(options.requestStateTtl().toMillis(),
          id -> giveUp(token)), true);
      });
    }
  }

  /** On the instance that got the retry: the holder's outcome. */
  private void onAnswer(JsonObject body) {
    if (!instance.equals(body.getString("to"))) {
      return;
    }
    Forward forward = forwards.remove(body.getString("token"));
    if (forward == null) {
      return;
    }
    vertx.cancelTimer(forward.timer());
    if (body.getValue("result") instanceof JsonObject result) {
      forward.answer().result(result);
    } else {
      JsonObject error = body.getJsonObject("error", new JsonObject());
      forward.answer().fail(new McpException(error.getInteger("code", JsonRpcError.INTERNAL_ERROR),
        error.getString("message", "Internal error"), error.getValue("data")));
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
