package dev.switchboard.core.backend.impl;

import dev.switchboard.core.auth.BackendAuthOptions;
import dev.switchboard.core.backend.BackendClient;
import dev.switchboard.core.backend.BackendException;
import dev.switchboard.core.backend.BackendOptions;
import dev.switchboard.core.backend.BackendSession;
import dev.switchboard.core.backend.StreamObserver;
import dev.switchboard.core.backend.BackendStream;
import dev.switchboard.core.protocol.JsonRpc;
import dev.switchboard.core.protocol.McpException;
import dev.switchboard.core.protocol.McpMethod;
import dev.switchboard.core.protocol.ProtocolVersion;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@link BackendClient} over MCP streamable HTTP: every message is one POST to the backend URL, answered with JSON or
 * an SSE stream (resumed with GET when it ends early); session streams are GETs; sessions end with DELETE. One pooled
 * keep-alive {@link HttpClientAgent} per backend for messages, shared by all sessions and event loops, and another
 * for the long-lived session streams ({@link SessionStreams}). Thread-safe: its mutable state is the id counter, the
 * bounded map of requests in flight (for cancellation), the set of open session streams and the negotiated protocol
 * version.
 */
public final class HttpBackendClient implements BackendClient {
  private static final System.Logger LOG = System.getLogger(HttpBackendClient.class.getName());
  private static final Runnable NOTHING = () -> { };

  private final Vertx vertx;
  private final BackendOptions options;
  private final Endpoint endpoint;
  private final BackendHeaders headers;
  private final HttpClientAgent client;
  private final RequestIds ids = new RequestIds();
  private final PendingExchanges inFlight;
  private final SessionStreams streams;
  private final SessionAuthorizations authorizations;
  private volatile String protocolVersion = ProtocolVersion.LATEST;

  /**
   * Creates the client and its connection pool.
   *
   * @throws IllegalArgumentException when the URL is not {@code http(s)} or a configured header is invalid
   */
  public HttpBackendClient(Vertx vertx, BackendOptions options) {
    this.vertx = vertx;
    this.options = options;
    this.endpoint = Endpoint.of(options.name(), options.url());
    this.headers = new BackendHeaders(options.name(), withStaticBearer(options));
    this.inFlight = new PendingExchanges(options.name());
    this.authorizations = new SessionAuthorizations(options.auth().maxCachedTokens());
    this.client = vertx.httpClientBuilder()
      .with(endpoint.clientOptions(options.name()))
      .with(Endpoint.poolOptions(options.maxConnections()))
      .build();
    this.streams = new SessionStreams(vertx, endpoint, options.name(), options.timeout(), this::streamGet,
      headers::redact);
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
    return exchange.run(client, post, body, response -> isSuccess(response)
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
    return exchange.run(client, post(sessionId), body, response -> isSuccess(response)
        ? reader.read(response)
        : BoundedBodies.reject(response, name(), sessionId, headers::redact),
        () -> notifyCancelled(sessionId, id, "timed out after " + FailureClassifier.seconds(options.timeout()) + "s")
          .onFailure(e -> LOG.log(Level.DEBUG, "notifications/cancelled not delivered: " + e.getMessage())))
      .map(this::result);
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
    return notifyCancelled(sessionId, id, reason);
  }

  @Override
  public Future<BackendStream> listen(String sessionId, Handler<JsonObject> onMessage) {
    return streams.listen(sessionId, onMessage);
  }

  @Override
  public Future<Void> send(String sessionId, JsonObject message) {
    Exchange<Void> exchange = new Exchange<>(vertx, name(), options.timeout());
    return exchange.run(client, post(sessionId), message.toBuffer(), response -> isSuccess(response)
        ? BoundedBodies.discard(response, name())
        : BoundedBodies.reject(response, name(), sessionId, headers::redact),
        NOTHING);
  }

  @Override
  public Future<Void> close(String sessionId) {
    if (sessionId == null) {
      return Future.succeededFuture();
    }
    RequestOptions delete = endpoint.request(HttpMethod.DELETE);
    headers.apply(delete, sessionId, protocolVersion, false);
    authorizations.apply(delete, sessionId);
    Exchange<Void> exchange = new Exchange<>(vertx, name(), options.timeout());
    return exchange.run(client, delete, null, response -> isSuccess(response) || isGone(response)
        ? BoundedBodies.discard(response, name())
        : BoundedBodies.reject(response, name(), sessionId, headers::redact),
        NOTHING).andThen(done -> authorizations.remove(sessionId));
  }

  @Override
  public Future<Void> shutdown() {
    return Future.join(streams.shutdown(options.timeout()),
        client.shutdown(options.timeout().toMillis(), TimeUnit.MILLISECONDS))
      .mapEmpty();
  }

  /** Reopens a request's event stream with a GET carrying {@code Last-Event-ID}, under the request's exchange. */
  private Future<HttpClientResponse> resume(Exchange<?> exchange, String sessionId, String lastEventId) {
    return exchange.send(client, streamGet(sessionId, lastEventId), null).compose(response -> isSuccess(response)
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
