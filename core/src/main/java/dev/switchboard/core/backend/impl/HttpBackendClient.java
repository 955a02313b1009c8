package dev.switchboard.core.backend.impl;

import dev.switchboard.core.auth.BackendAuthOptions;
import dev.switchboard.core.backend.BackendClient;
import dev.switchboard.core.backend.BackendException;
import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.backend.BackendSession;
import dev.switchboard.core.backend.BackendStream;
import dev.switchboard.core.backend.StreamObserver;
import dev.switchboard.core.protocol.JsonRpc;
import dev.switchboard.core.protocol.JsonRpcError;
import dev.switchboard.core.protocol.McpException;
import dev.switchboard.core.protocol.McpMethod;
import dev.switchboard.core.protocol.ProtocolVersion;
import dev.switchboard.core.protocol.StatelessEnvelope;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link BackendClient} over MCP streamable HTTP: every message is one POST to the backend URL, answered with JSON or
 * an SSE stream (resumed with GET when it ends early); session streams are GETs; sessions end with DELETE. Messages go
 * out on pooled keep-alive connections of the calling event loop ({@link LoopClients}), shared by all sessions; the
 * long-lived session streams have a pool of their own ({@link SessionStreams}). Thread-safe: its mutable state is the
 * id counter, the bounded map of requests in flight (for cancellation), the set of open session streams and the
 * negotiated protocol version.
 *
 * <p>The backend's revision is probed once, at the first {@code open}: a backend that answers {@code server/discover}
 * with {@code 2026-07-28} among its {@code supportedVersions} is stateless, and its "sessions" are the gateway's
 * handles ({@link StatelessSessions}): each request carries the client's {@code _meta} envelope and the
 * {@code MCP-Protocol-Version}, {@code Mcp-Method} and {@code Mcp-Name} headers, and an {@code input_required} result
 * is asked of the client as server-to-client requests. Any other answer means the session era ({@code initialize}).
 */
public final class HttpBackendClient implements BackendClient {
  private static final System.Logger LOG = System.getLogger(HttpBackendClient.class.getName());
  private static final Runnable NOTHING = () -> { };

  private final Vertx vertx;
  private final BackendOptions options;
  private final Endpoint endpoint;
  private final BackendHeaders headers;
  private final LoopClients clients;
  private final RequestIds ids = new RequestIds();
  private final PendingExchanges inFlight;
  private final SessionStreams streams;
  private final SessionAuthorizations authorizations;
  private volatile String protocolVersion = ProtocolVersion.LATEST;
  private final StatelessSessions stateless;
  /**
   * The probe's verdict (null until it gave one): what {@code server/discover} returned, or null for the session era.
   */
  private volatile Future<Discovered> revision;

  /** What a stateless backend's {@code server/discover} returned. */
  private record Discovered(JsonObject capabilities, JsonObject serverInfo) {
  }

  /**
   * Creates the client and its connection pools: one per event loop with {@code poolPerLoop} (see {@link LoopClients}),
   * else one.
   *
   * @throws IllegalArgumentException when the URL is not {@code http(s)} or a configured header is invalid
   */
  public HttpBackendClient(Vertx vertx, BackendOptions options, boolean poolPerLoop) {
    this.vertx = vertx;
    this.options = options;
    this.endpoint = Endpoint.of(options.name(), options.url());
    this.headers = new BackendHeaders(options.name(), withStaticBearer(options));
    this.inFlight = new PendingExchanges(options.name());
    this.authorizations = new SessionAuthorizations(options.auth().maxCachedTokens());
    this.clients = new LoopClients(vertx, endpoint, options.name(), options.maxConnections(), poolPerLoop);
    this.streams = new SessionStreams(vertx, endpoint, options.name(), options.timeout(), this::streamGet,
      headers::redact);
    this.stateless = new StatelessSessions(options.name());
  }

  /** The configured headers plus, for {@code auth: {type: bearer}}, its Authorization (on every request). */
  private static Map<String, String> withStaticBearer(BackendOptions options) {
    if (options.auth().type() != BackendAuthOptions.Type.BEARER) {
      return options.headers();
    }
    Map<String, String> headers = new LinkedHashMap<>(options.headers());
    headers.put("Authorization", "Bearer " + options.auth().token());
    return headers;
  }

  @Override
  public String name() {
    return options.name();
  }

  @Override
  public BackendOptions options() {
    return options;
  }

  /** The protocol version sent in {@code MCP-Protocol-Version}: the last one a backend negotiated. */
  public String protocolVersion() {
    return protocolVersion;
  }

  @Override
  public Future<BackendSession> open(JsonObject clientInfo, JsonObject clientCapabilities) {
    return open(clientInfo, clientCapabilities, null);
  }

  @Override
  public void authorize(String sessionId, String authorization) {
    authorizations.put(sessionId, authorization);
  }

  @Override
  public Future<BackendSession> open(JsonObject clientInfo, JsonObject clientCapabilities, String authorization) {
    return revision(clientInfo, authorization).compose(discovered -> {
      if (discovered == null) {
        return openSession(clientInfo, clientCapabilities, authorization);
      }
      String id = stateless.open(clientInfo, clientCapabilities);
      if (authorization != null) {
        authorizations.put(id, authorization);
      }
      return Future.succeededFuture(new BackendSession(name(), id, ProtocolVersion.V2026_07_28,
        discovered.capabilities(), discovered.serverInfo()));
    });
  }

  /** True once the probe found a stateless (2026-07-28) backend. */
  public boolean isStateless() {
    Future<Discovered> verdict = revision;
    return verdict != null && verdict.succeeded() && verdict.result() != null;
  }

  /**
   * The backend's revision, probed once with {@code server/discover}: what it discovered for a stateless backend, null
   * for the session era. A conclusive answer is kept; a failure to reach the backend, a timeout or 401/403
   * (credentials) is not: that open is tried in the session era, and the next open probes again.
   */
  private Future<Discovered> revision(JsonObject clientInfo, String authorization) {
    Future<Discovered> known = revision;
    if (known != null) {
      return known;
    }
    String id = ids.next();
    Exchange<Discovered> exchange = new Exchange<>(vertx, name(), options.timeout());
    ResponseReader reader = new ResponseReader(vertx, name(), id, null, exchange::isDone);
    RequestOptions post = statelessPost(null, McpMethod.SERVER_DISCOVER, null);
    if (authorization != null) {
      post.putHeader(HttpHeaders.AUTHORIZATION, authorization);
    }
    Buffer body = JsonRpc.request(id, McpMethod.SERVER_DISCOVER, StatelessSessions.probeParams(clientInfo)).toBuffer();
    Future<Discovered> probed = exchange.run(clients.current(), post, body, response -> {
      if (response.statusCode() == 401 || response.statusCode() == 403) {
        return BoundedBodies.reject(response, name(), null, headers::redact);
      }
      if (!isSuccess(response)) {
        return BoundedBodies.discard(response, name()).map(v -> (Discovered) null);
      }
      return reader.read(response).map(HttpBackendClient::discovered).otherwise((Discovered) null);
    }, NOTHING);
    return probed.onSuccess(verdict -> {
      revision = Future.succeededFuture(verdict);
      if (verdict != null) {
        protocolVersion = ProtocolVersion.V2026_07_28;
        LOG.log(Level.INFO, "backend ''{0}'' speaks the stateless revision {1}", name(), ProtocolVersion.V2026_07_28);
      }
    }).recover(err -> {
      // no verdict (unreachable, timed out, refused credentials): this open goes the session era's way, and fails
      // there if the backend cannot be used; the next open probes again
      LOG.log(Level.DEBUG, "backend ''{0}'': revision probe failed: {1}", name(), err.getMessage());
      return Future.succeededFuture(null);
    });
  }

  private static Discovered discovered(JsonObject message) {
    if (!(message.getValue("result") instanceof JsonObject result)
      || !(result.getValue("supportedVersions") instanceof JsonArray versions)
      || !versions.contains(ProtocolVersion.V2026_07_28)) {
      return null;
    }
    JsonObject capabilities = result.getValue("capabilities") instanceof JsonObject c ? c : new JsonObject();
    JsonObject meta = result.getValue("_meta") instanceof JsonObject m ? m : new JsonObject();
    JsonObject serverInfo = meta.getValue(StatelessEnvelope.META_SERVER_INFO) instanceof JsonObject info ? info
      : new JsonObject();
    return new Discovered(capabilities, serverInfo);
  }

  private Future<BackendSession> openSession(JsonObject clientInfo, JsonObject clientCapabilities,
                                             String authorization) {
    JsonObject params = new JsonObject()
      .put("protocolVersion", ProtocolVersion.LATEST)
      .put("capabilities", clientCapabilities == null ? new JsonObject() : clientCapabilities)
      .put("clientInfo", clientInfo);
    String id = ids.next();
    Exchange<Initialized> exchange = new Exchange<>(vertx, name(), options.timeout());
    ResponseReader reader = new ResponseReader(vertx, name(), id, null, exchange::isDone);
    Buffer body = JsonRpc.request(id, McpMethod.INITIALIZE, params).toBuffer();
    RequestOptions post = post(null);
    if (authorization != null) {
      post.putHeader(HttpHeaders.AUTHORIZATION, authorization);
    }
    return exchange.run(clients.current(), post, body, response -> isSuccess(response)
        ? reader.read(response).map(message -> new Initialized(response.getHeader(BackendHeaders.SESSION_ID), message))
        : BoundedBodies.reject(response, name(), null, headers::redact),
        NOTHING)
      .compose(init -> {
        if (authorization != null && init.sessionId() != null && BackendHeaders.isValidSessionId(init.sessionId())) {
          authorizations.put(init.sessionId(), authorization);
        }
        return initialized(init);
      });
  }

  private Future<BackendSession> initialized(Initialized init) {
    return Future.succeededFuture(init)
      .map(this::toSession)
      .compose(opened -> send(opened.sessionId(), JsonRpc.notification(McpMethod.NOTIFICATION_INITIALIZED, null))
        .map(opened))
      .recover(failure -> {
        if (init.sessionId() != null && BackendHeaders.isValidSessionId(init.sessionId())) {
          close(init.sessionId()).onFailure(e -> LOG.log(Level.DEBUG, "closing a failed session: " + e.getMessage()));
        }
        return Future.failedFuture(failure);
      });
  }

  private BackendSession toSession(Initialized init) {
    String sessionId = init.sessionId();
    if (sessionId != null && !BackendHeaders.isValidSessionId(sessionId)) {
      throw FailureClassifier.protocol(name(), "session id is not visible ASCII");
    }
    JsonObject result = result(init.message());
    Object version = result.getValue("protocolVersion");
    if (!(version instanceof String negotiated) || !ProtocolVersion.isSupported(negotiated)) {
      throw FailureClassifier.protocol(name(), "unsupported protocol version '"
        + FailureClassifier.snippet(String.valueOf(version), 32) + "'");
    }
    protocolVersion = negotiated;
    return new BackendSession(name(), sessionId, negotiated, objectField(result, "capabilities"),
      objectField(result, "serverInfo"));
  }

  @Override
  public Future<JsonObject> request(String sessionId, String method, JsonObject params, Handler<JsonObject> onMessage) {
    return call(sessionId, ids.next(), method, params, onMessage);
  }

  @Override
  public Future<JsonObject> request(String sessionId, Object requestId, String method, JsonObject params,
                                    Handler<JsonObject> onMessage) {
    Object id;
    try {
      id = RequestIds.checked(requestId);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    return call(sessionId, id, method, params, onMessage);
  }

  private Future<JsonObject> call(String sessionId, Object id, String method, JsonObject params,
                                  Handler<JsonObject> onMessage) {
    if (stateless.holds(sessionId)) {
      return statelessCall(sessionId, id, id, method, params, onMessage);
    }
    if (sessionId != null && isStateless()) {
      // a handle of another instance, or of before a restart: the gateway opens a new one
      return Future.failedFuture(new BackendException(name(), BackendException.Kind.SESSION_EXPIRED,
        "unknown stateless session handle"));
    }
    Exchange<JsonObject> exchange = new Exchange<>(vertx, name(), options.timeout());
    try {
      inFlight.add(sessionId, id, exchange);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    ResponseReader reader = new ResponseReader(vertx, name(), id, onMessage, exchange::isDone, lastEventId -> {
      if (onMessage instanceof StreamObserver observer) {
        observer.paused();
      }
      return resume(exchange, sessionId, lastEventId);
    });
    Buffer body = JsonRpc.request(id, method, params).toBuffer();
    return exchange.run(clients.current(), post(sessionId), body, response -> isSuccess(response)
        ? reader.read(response)
        : BoundedBodies.reject(response, name(), sessionId, headers::redact),
        () -> notifyCancelled(sessionId, id, "timed out after " + FailureClassifier.seconds(options.timeout()) + "s")
          .onFailure(e -> LOG.log(Level.DEBUG, "notifications/cancelled not delivered: " + e.getMessage())))
      .map(this::result);
  }

  /**
   * A request on a stateless handle: {@code ping} is {@code server/discover} in this revision, the removed methods
   * are answered here, and {@code input_required} rounds are asked of the client until the result is complete.
   *
   * @param id     the caller's id of the request (what a cancellation names)
   * @param wireId the JSON-RPC id of this round: {@code id} first, a new one for each retry (the revision asks for it)
   */
  private Future<JsonObject> statelessCall(String sessionId, Object id, Object wireId, String method,
                                           JsonObject params, Handler<JsonObject> onMessage) {
    if (McpMethod.PING.equals(method)) {
      return statelessCall(sessionId, id, wireId, McpMethod.SERVER_DISCOVER, null, onMessage)
        .map(result -> new JsonObject());
    }
    if (StatelessSessions.answeredLocally(method)) {
      if (McpMethod.LOGGING_SET_LEVEL.equals(method) && params != null) {
        stateless.logLevel(sessionId, params.getString("level"));
      }
      if (McpMethod.RESOURCES_SUBSCRIBE.equals(method)) {
        // this revision subscribes on subscriptions/listen, which the gateway does not open to backends yet: saying
        // yes would promise updates that never come
        return Future.failedFuture(new McpException(JsonRpcError.METHOD_NOT_FOUND, "Resource subscriptions of "
          + "backend '" + name() + "' (protocol " + ProtocolVersion.V2026_07_28 + ") are not followed"));
      }
      return Future.succeededFuture(new JsonObject());
    }
    Exchange<JsonObject> exchange = new Exchange<>(vertx, name(), options.timeout());
    try {
      inFlight.add(sessionId, id, exchange);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    ResponseReader reader = new ResponseReader(vertx, name(), wireId, onMessage, exchange::isDone);
    JsonObject sent = stateless.withEnvelope(sessionId, params);
    Buffer body = JsonRpc.request(wireId, method, sent).toBuffer();
    RequestOptions post = statelessPost(sessionId, method, StatelessEnvelope.nameOf(method, params));
    return exchange.run(clients.current(), post, body, response -> isSuccess(response)
        ? reader.read(response)
        : BoundedBodies.reject(response, name(), null, headers::redact), NOTHING)
      .map(this::result)
      .compose(result -> {
        if (!"input_required".equals(result.getValue("resultType"))
          || !(result.getValue("inputRequests") instanceof JsonObject questions) || onMessage == null) {
          return Future.succeededFuture(result);
        }
        return stateless.ask(sessionId, questions, onMessage::handle, options.timeout().toMillis())
          .compose(answers -> {
            JsonObject retry = params == null ? new JsonObject() : params.copy();
            retry.put("inputResponses", answers);
            if (result.getValue("requestState") != null) {
              retry.put("requestState", result.getValue("requestState"));
            } else {
              retry.remove("requestState");
            }
            return statelessCall(sessionId, id, ids.next(), method, retry, onMessage);
          });
      });
  }

  /** A stateless POST: no session header; the version, method and (for some methods) name headers. */
  private RequestOptions statelessPost(String sessionId, String method, String mcpName) {
    RequestOptions post = endpoint.request(HttpMethod.POST);
    headers.apply(post, null, ProtocolVersion.V2026_07_28, true);
    post.putHeader(StatelessEnvelope.METHOD_HEADER, method);
    if (mcpName != null) {
      boolean plain = mcpName.chars().allMatch(c -> c >= 0x21 && c <= 0x7e) && !mcpName.startsWith("=?");
      post.putHeader(StatelessEnvelope.NAME_HEADER, plain ? mcpName
        : "=?base64?" + Base64.getEncoder().encodeToString(mcpName.getBytes(StandardCharsets.UTF_8)) + "?=");
    }
    if (sessionId != null) {
      authorizations.apply(post, sessionId);
    }
    return post;
  }

  @Override
  public Future<Void> cancel(String sessionId, Object requestId, String reason) {
    Object id;
    try {
      id = RequestIds.checked(requestId);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    Exchange<?> exchange = inFlight.get(sessionId, id);
    if (exchange != null) {
      String why = reason == null || reason.isBlank() ? "" : ": " + FailureClassifier.snippet(reason, FailureClassifier.SNIPPET_CHARS);
      exchange.abort(new BackendException(name(), BackendException.Kind.CANCELLED, "request "
        + FailureClassifier.snippet(String.valueOf(id), 64) + " cancelled" + why));
    }
    if (stateless.holds(sessionId)) {
      // in this revision a request ends when its connection closes; there is no cancellation message
      return Future.succeededFuture();
    }
    return notifyCancelled(sessionId, id, reason);
  }

  @Override
  public Future<BackendStream> listen(String sessionId, Handler<JsonObject> onMessage) {
    if (stateless.holds(sessionId)) {
      // no standalone stream in this revision (subscriptions/listen is not relayed yet)
      return Future.succeededFuture(new NoStream(name(), sessionId));
    }
    return streams.listen(sessionId, onMessage);
  }

  @Override
  public Future<Void> send(String sessionId, JsonObject message) {
    if (stateless.holds(sessionId)) {
      // an answer to an input request completes its round; nothing else has a destination in this revision
      stateless.answer(sessionId, message);
      return Future.succeededFuture();
    }
    Exchange<Void> exchange = new Exchange<>(vertx, name(), options.timeout());
    return exchange.run(clients.current(), post(sessionId), message.toBuffer(), response -> isSuccess(response)
        ? BoundedBodies.discard(response, name())
        : BoundedBodies.reject(response, name(), sessionId, headers::redact),
        NOTHING);
  }

  @Override
  public Future<Void> close(String sessionId) {
    if (sessionId == null) {
      return Future.succeededFuture();
    }
    if (stateless.holds(sessionId)) {
      stateless.close(sessionId);
      authorizations.remove(sessionId);
      return Future.succeededFuture();
    }
    RequestOptions delete = endpoint.request(HttpMethod.DELETE);
    headers.apply(delete, sessionId, protocolVersion, false);
    authorizations.apply(delete, sessionId);
    Exchange<Void> exchange = new Exchange<>(vertx, name(), options.timeout());
    return exchange.run(clients.current(), delete, null, response -> isSuccess(response) || isGone(response)
        ? BoundedBodies.discard(response, name())
        : BoundedBodies.reject(response, name(), sessionId, headers::redact),
        NOTHING).andThen(done -> authorizations.remove(sessionId));
  }

  @Override
  public Future<Void> shutdown() {
    return Future.join(streams.shutdown(options.timeout()),
        clients.shutdown(options.timeout().toMillis()))
      .mapEmpty();
  }

  /** Reopens a request's event stream with a GET carrying {@code Last-Event-ID}, under the request's exchange. */
  private Future<HttpClientResponse> resume(Exchange<?> exchange, String sessionId, String lastEventId) {
    RequestOptions get = streamGet(sessionId, lastEventId);
    return exchange.send(clients.current(), get, null).compose(response -> isSuccess(response)
      ? Future.succeededFuture(response)
      : BoundedBodies.reject(response, name(), sessionId, headers::redact));
  }

  private RequestOptions streamGet(String sessionId, String lastEventId) {
    RequestOptions get = endpoint.request(HttpMethod.GET);
    headers.applyStream(get, sessionId, protocolVersion, lastEventId);
    authorizations.apply(get, sessionId);
    return get;
  }

  private RequestOptions post(String sessionId) {
    RequestOptions post = endpoint.request(HttpMethod.POST);
    headers.apply(post, sessionId, protocolVersion, true);
    authorizations.apply(post, sessionId);
    return post;
  }

  private static boolean isSuccess(HttpClientResponse response) {
    return response.statusCode() / 100 == 2;
  }

  /** For a DELETE: 404 (session unknown) and 405 (cannot be ended by the client) both leave nothing to close. */
  private static boolean isGone(HttpClientResponse response) {
    return response.statusCode() == 404 || response.statusCode() == 405;
  }

  /** Tells the backend that we gave up on request {@code id}. */
  private Future<Void> notifyCancelled(String sessionId, Object id, String reason) {
    JsonObject params = new JsonObject().put("requestId", id);
    if (reason != null) {
      params.put("reason", reason);
    }
    return send(sessionId, JsonRpc.notification(McpMethod.NOTIFICATION_CANCELLED, params));
  }

  /**
   * The {@code result} of a response, or its {@code error} as an {@link McpException} (the message passed on as the
   * backend wrote it, minus any configured header value it echoes).
   */
  private JsonObject result(JsonObject response) {
    Object error = response.getValue("error");
    if (error != null) {
      if (!(error instanceof JsonObject object) || !(object.getValue("code") instanceof Number code)) {
        throw FailureClassifier.protocol(name(), "malformed JSON-RPC error object");
      }
      Object message = object.getValue("message");
      String text = message == null ? "" : headers.redact(message.toString());
      throw new McpException(code.intValue(), text, object.getValue("data"));
    }
    if (response.getValue("result") instanceof JsonObject result) {
      return result;
    }
    throw FailureClassifier.protocol(name(), "JSON-RPC result is not an object");
  }

  private JsonObject objectField(JsonObject result, String key) {
    Object value = result.getValue(key);
    if (value == null) {
      return new JsonObject();
    }
    if (value instanceof JsonObject object) {
      return object;
    }
    throw FailureClassifier.protocol(name(), "initialize result field '" + key + "' is not an object");
  }

  /** What initialize returned: the session id header and the JSON-RPC response. */
  private record Initialized(String sessionId, JsonObject message) {
  }
}
