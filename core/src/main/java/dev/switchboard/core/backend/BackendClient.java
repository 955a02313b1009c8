package dev.switchboard.core.backend;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;

/**
 * The MCP client for one backend. One instance per backend, shared by all client sessions and event loops. All
 * methods are non-blocking. The contract is written for streamable HTTP (its implementation owns one pooled
 * keep-alive HTTP client); the legacy HTTP+SSE and stdio implementations ({@code core.backend.pipe}) keep it, with
 * "backend session" meaning their own per-client-session handle (see {@link BackendClients}).
 */
public interface BackendClient {

  String name();

  BackendOptions options();

  /**
   * Initializes a new backend session ({@code initialize}, then {@code notifications/initialized}).
   *
   * @param clientInfo         the {@code clientInfo} to present (the gateway's)
   * @param clientCapabilities the capabilities to declare to the backend
   */
  Future<BackendSession> open(JsonObject clientInfo, JsonObject clientCapabilities);

  /**
   * Like {@link #open(JsonObject, JsonObject)}, sending {@code authorization} as the {@code Authorization} header of
   * the new session's requests until {@link #authorize} replaces it (outgoing credentials; null: none).
   */
  default Future<BackendSession> open(JsonObject clientInfo, JsonObject clientCapabilities, String authorization) {
    return open(clientInfo, clientCapabilities);
  }

  /**
   * Sets the {@code Authorization} header value of later requests on a backend session (outgoing credentials, which
   * may depend on the caller; null: none). Forgotten when the session is closed.
   */
  default void authorize(String sessionId, String authorization) {
  }

  /**
   * Sends one request on a backend session and completes with its {@code result} object. Fails with
   * {@link dev.switchboard.core.protocol.McpException} when the backend answered a JSON-RPC error, and with
   * {@link BackendException} when it could not answer (a 404 for the session is {@code SESSION_EXPIRED}).
   *
   * <p>An SSE answer that ends or drops before the response, after an event with an id, is resumed with a GET
   * carrying {@code Last-Event-ID} (spec 2025-11-25 polling): after the stream's {@code retry:} (1 s when none, at
   * most 5 s), at most 10 times, all within the request timeout. Without an event id such a stream fails with
   * {@code PROTOCOL} (or the transport failure when it dropped).
   *
   * <p>The request id is generated: a string {@code sb-<8 random base36 chars>-<counter>}, random per client, so it
   * cannot be mistaken for an id a gateway client chose (see {@link #request(String, Object, String, JsonObject,
   * Handler)}).
   *
   * @param sessionId the backend session id (null for a stateless backend)
   * @param onMessage receives each request or notification the backend sends on the response stream before its
   *                  response (progress, log messages, server-to-client requests); may be null
   */
  Future<JsonObject> request(String sessionId, String method, JsonObject params, Handler<JsonObject> onMessage);

  /**
   * Like {@link #request(String, String, JsonObject, Handler)} but with the JSON-RPC id chosen by the caller: the
   * gateway forwards a client's request under the client's own id, so that the client's
   * {@code notifications/cancelled} can be passed on unchanged with {@link #cancel}. Fails with
   * {@link IllegalArgumentException} when the id is neither a string nor an integer, and with
   * {@link IllegalStateException} when a request with that id is already in flight on the session.
   *
   * @param requestId the JSON-RPC id to send: a {@link String} or an integral {@link Number}
   */
  Future<JsonObject> request(String sessionId, Object requestId, String method, JsonObject params,
                             Handler<JsonObject> onMessage);

  default Future<JsonObject> request(String sessionId, String method, JsonObject params) {
    return request(sessionId, method, params, null);
  }

  /**
   * Cancels a request sent by this client: sends {@code notifications/cancelled {requestId, reason}} to the backend
   * and, if the request is in flight here, stops waiting for it (its future fails with a {@link BackendException} of
   * kind {@code CANCELLED}, since the backend sends no response after a cancellation) and closes its response
   * stream. The notification is sent even when the request is not in flight here: it may run from another gateway
   * instance or have just finished, and a backend may ignore unknown ids. Completes when the backend accepted the
   * notification.
   *
   * @param requestId the id the request was sent with: a {@link String} or an integral {@link Number}
   * @param reason    optional, passed on to the backend
   */
  Future<Void> cancel(String sessionId, Object requestId, String reason);

  /**
   * Opens the standalone event stream of a backend session ({@code GET} with {@code Accept: text/event-stream}).
   * Completes once the backend has answered: with an open {@link BackendStream}, or with one that is already closed
   * and not {@linkplain BackendStream#supported() supported} when the backend answered 405. Fails with a
   * {@link BackendException} when the first GET fails ({@code SESSION_EXPIRED} for a 404, {@code TIMEOUT} when the
   * backend has not answered within the request timeout, ...).
   *
   * <p>The stream has no overall timeout. When it ends or drops it is reopened with {@code Last-Event-ID}, after the
   * backend's {@code retry:} or 1 s, doubling up to 30 s while reconnections fail; a 404 or another client error
   * stops it (see {@link BackendStream#closed()}). A connection silent for 5 minutes is replaced by a new one.
   * Responses on the stream are ignored; an event that is not a JSON-RPC message is logged and skipped.
   *
   * @param onMessage receives each request or notification, in order, on the caller's Vert.x context
   */
  Future<BackendStream> listen(String sessionId, Handler<JsonObject> onMessage);

  /** Sends a notification or a response message (202 expected). */
  Future<Void> send(String sessionId, JsonObject message);

  /** Ends a backend session with DELETE; a backend that answers 405 or 404 counts as closed. */
  Future<Void> close(String sessionId);

  /** Closes the HTTP client. */
  Future<Void> shutdown();
}
