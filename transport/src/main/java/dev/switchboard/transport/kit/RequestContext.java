package dev.switchboard.transport.kit;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * What a handler knows about the request it serves, and how it talks back to the client while it runs. Messages sent
 * here (progress, log, server-to-client requests) travel on the SSE stream of the POST that carried the request; the
 * first one switches that POST's answer from {@code application/json} to {@code text/event-stream}. Call these
 * methods from the server's event loop (the context the handler was invoked on).
 */
public interface RequestContext {
  String sessionId();

  /** The negotiated protocol version of the session. */
  String protocolVersion();

  String method();

  /** The JSON-RPC id of the request (a String or a Number). */
  Object requestId();

  /** The request params ({@code {}} when absent). */
  JsonObject params();

  /** {@code params.arguments} ({@code {}} when absent). */
  JsonObject arguments();

  /** {@code params._meta.progressToken}, or null when the client asked for no progress. */
  Object progressToken();

  /** The capabilities the client declared in {@code initialize}. */
  JsonObject clientCapabilities();

  Vertx vertx();

  /**
   * Sends {@code notifications/progress} for this request; a no-op when the client gave no progress token.
   * {@code progress} must increase from call to call; {@code total} and {@code message} may be null.
   */
  Future<Void> progress(double progress, Double total, String message);

  /**
   * Sends {@code notifications/message} at {@code level} (debug, info, notice, warning, error, critical, alert,
   * emergency) unless the session's {@code logging/setLevel} filters it out. An unknown level fails the future.
   */
  Future<Void> log(String level, Object data);

  /**
   * Sends a server-to-client request (e.g. {@code sampling/createMessage}, {@code elicitation/create},
   * {@code roots/list}) and completes with the client's result. A JSON-RPC error answer fails the future with a
   * {@link dev.switchboard.core.protocol.McpException}; so do a missing client capability, the per-session bound of
   * pending requests, the timeout and a closed stream.
   */
  Future<JsonObject> request(String method, JsonObject params);

  /**
   * Ends the connection of the POST's SSE stream after the events sent so far, without ending the request (SSE
   * polling, 2025-11-25): later messages and the response are kept in the session's event log and delivered when the
   * client reconnects with {@code GET} and {@code Last-Event-ID}. A plain JSON answer is switched to SSE first (a
   * priming event and {@code retry:}), so that the client has an id to resume from. Returns false, doing nothing,
   * when the session negotiated an older protocol version (which forbids closing before the response) or the request
   * is no longer active.
   */
  boolean closeStreamForPolling();

  /** True once the client cancelled this request ({@code notifications/cancelled}) or the session ended. */
  boolean cancelled();

  /** Runs {@code handler} when the request is cancelled (at once if it already is). */
  void onCancel(Handler<Void> handler);
}
