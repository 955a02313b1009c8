package dev.switchboard.transport.kit;

import dev.switchboard.core.protocol.JsonRpc;
import dev.switchboard.core.protocol.JsonRpcError;
import dev.switchboard.core.protocol.McpException;
import dev.switchboard.core.protocol.McpMethod;
import dev.switchboard.core.protocol.RequestIdKey;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import dev.switchboard.core.protocol.ProtocolVersion;
import dev.switchboard.transport.streamable.ClientStream;
import dev.switchboard.transport.streamable.PostAnswer;
import dev.switchboard.transport.streamable.SseWriter;
import java.util.Set;

/**
 * One MCP session: what was negotiated, the log level, subscriptions, its SSE streams (the standalone GET stream and
 * the streams of POSTs still answering) with the event log they resume from, the client requests being served and
 * the server-to-client requests awaiting answers. Touched only on the server's event loop.
 */
final class ServerSession {
  /** The error code for a server-to-client request that timed out, as the TypeScript SDK uses. */
  static final int REQUEST_TIMEOUT = -32001;

  private final String id;
  private final String protocolVersion;
  private final JsonObject clientCapabilities;
  private final ServerRuntime runtime;
  private final Set<String> subscriptions = new HashSet<>();
  private final Map<String, InboundCall> inflight = new HashMap<>();
  private final Map<String, PendingRequest> pending = new HashMap<>();
  private boolean initialized;
  private LogLevel minLevel;
  private ClientStream standalone;
  private long outboundSeq;
  private long lastActivity = System.nanoTime();
  private boolean closed;

  private record PendingRequest(Promise<JsonObject> promise, long timer) {
  }

  ServerSession(String id, String protocolVersion, JsonObject clientCapabilities, ServerRuntime runtime) {
    this.id = id;
    this.protocolVersion = protocolVersion;
    this.clientCapabilities = clientCapabilities;
    this.runtime = runtime;
  }

  String id() {
    return id;
  }

  String protocolVersion() {
    return protocolVersion;
  }

  JsonObject clientCapabilities() {
    return clientCapabilities;
  }

  ServerRuntime runtime() {
    return runtime;
  }

  boolean initialized() {
    return initialized;
  }

  void markInitialized() {
    initialized = true;
  }

  void touch() {
    lastActivity = System.nanoTime();
  }

  /** True when idle for longer than {@code timeoutNanos} with no GET stream and no request in flight. */
  boolean idleFor(long timeoutNanos) {
    return !hasGetStream() && inflight.isEmpty() && System.nanoTime() - lastActivity > timeoutNanos;
  }

  void setLogLevel(LogLevel level) {
    this.minLevel = level;
  }

  boolean logs(LogLevel level) {
    return minLevel == null || level.ordinal() >= minLevel.ordinal();
  }

  boolean subscribe(String uri) {
    if (!subscriptions.contains(uri) && subscriptions.size() >= runtime.options().getMaxSubscriptions()) {
      return false;
    }
    subscriptions.add(uri);
    return true;
  }

  void unsubscribe(String uri) {
    subscriptions.remove(uri);
  }

  boolean subscribed(String uri) {
    return subscriptions.contains(uri);
  }

  /** True while a standalone GET connection is open. */
  boolean hasGetStream() {
    return standalone != null && standalone.attached();
  }

  /** True once the session ended. */
  boolean closed() {
    return closed;
  }

  /**
   * Opens the standalone stream on a GET connection; a standalone stream opened earlier is ended (the newest GET
   * wins, and the older connection sees its stream end). 2025-11-25 sessions get a priming event first.
   */
  void openStandalone(SseWriter writer) {
    if (standalone != null) {
      standalone.close();
    }
    standalone = runtime.streams().openGet(id, null, 0);
    standalone.attach(writer, ProtocolVersion.V2025_11_25.equals(protocolVersion), null);
  }

  /**
   * Sends a notification on the standalone stream; true when it was written to an open GET connection. Once the
   * client has opened the GET stream, notifications sent while it is away are kept for its resumption; a congested
   * connection drops them.
   */
  boolean push(JsonObject notification) {
    if (standalone == null || standalone.congested()) {
      return false;
    }
    boolean live = standalone.attached();
    standalone.send(notification);
    return live;
  }

  /** Registers a client request; returns an error message when it cannot be accepted. */
  String register(InboundCall call) {
    String key = RequestIdKey.of(call.requestId());
    if (inflight.containsKey(key)) {
      return "Duplicate request id: " + call.requestId();
    }
    if (inflight.size() >= runtime.options().getMaxInflightRequests()) {
      return "Too many concurrent requests in this session";
    }
    inflight.put(key, call);
    return null;
  }

  void unregister(InboundCall call) {
    inflight.remove(RequestIdKey.of(call.requestId()), call);
  }

  /** Handles {@code notifications/cancelled}; unknown ids are ignored. */
  void cancel(Object requestId) {
    InboundCall call = requestId == null ? null : inflight.remove(RequestIdKey.of(requestId));
    if (call != null) {
      call.cancel();
    }
  }

  /** Sends a server-to-client request on {@code exchange} and waits (bounded in number and time) for the answer. */
  Future<JsonObject> request(String method, JsonObject params, PostAnswer exchange) {
    if (closed) {
      return Future.failedFuture(new McpException(JsonRpcError.SERVER_ERROR, "Session closed"));
    }
    if (pending.size() >= runtime.options().getMaxPendingClientRequests()) {
      return Future.failedFuture(new McpException(JsonRpcError.SERVER_ERROR, "Too many pending requests to the client"));
    }
    long requestId = ++outboundSeq;
    String key = RequestIdKey.of(requestId);
    Promise<JsonObject> promise = Promise.promise();
    long timer = runtime.vertx().setTimer(runtime.options().getClientRequestTimeout().toMillis(), t -> {
      if (pending.remove(key) != null) {
        promise.tryFail(new McpException(REQUEST_TIMEOUT, "Request timed out: " + method));
        if (!exchange.congested()) {
          exchange.send(JsonRpc.notification(McpMethod.NOTIFICATION_CANCELLED,
            new JsonObject().put("requestId", requestId).put("reason", "timeout")));
        }
      }
    });
    pending.put(key, new PendingRequest(promise, timer));
    if (!exchange.send(JsonRpc.request(requestId, method, params))) {
      PendingRequest entry = pending.remove(key);
      runtime.vertx().cancelTimer(entry.timer());
      promise.tryFail(new McpException(JsonRpcError.SERVER_ERROR, "Could not send " + method
        + ": the request's answer has ended"));
    }
    return promise.future();
  }

  /** Handles a JSON-RPC response from the client; answers to unknown ids are ignored. */
  void completeRequest(JsonObject response) {
    PendingRequest entry = pending.remove(RequestIdKey.of(response.getValue("id")));
    if (entry == null) {
      return;
    }
    runtime.vertx().cancelTimer(entry.timer());
    Object error = response.getValue("error");
    if (error instanceof JsonObject err) {
      entry.promise().tryFail(new McpException(err.getInteger("code", JsonRpcError.INTERNAL_ERROR),
        err.getString("message", ""), err.getValue("data")));
    } else {
      Object result = response.getValue("result");
      entry.promise().tryComplete(result instanceof JsonObject r ? r : new JsonObject());
    }
  }

  /** Ends the session: the GET stream, requests in flight and requests awaiting an answer. */
  void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (standalone != null) {
      standalone.close();
    }
    for (InboundCall call : new ArrayList<>(inflight.values())) {
      call.cancel();
    }
    inflight.clear();
    for (PendingRequest entry : pending.values()) {
      runtime.vertx().cancelTimer(entry.timer());
      entry.promise().tryFail(new McpException(JsonRpcError.SERVER_ERROR, "Session closed"));
    }
    pending.clear();
  }
}
