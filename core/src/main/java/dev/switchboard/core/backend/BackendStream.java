package dev.switchboard.core.backend;

import io.vertx.core.Future;

/**
 * The standalone event stream ({@code GET}) of one backend session, opened by {@link BackendClient#listen}: it carries
 * the backend's messages that belong to no request, such as {@code notifications/tools/list_changed},
 * {@code notifications/resources/updated} and server-to-client requests. While open it reconnects by itself when
 * the connection ends or drops, resuming with {@code Last-Event-ID}, until {@link #close()} or until the backend
 * refuses it for good. Thread-safe.
 */
public interface BackendStream {
  /** The backend's name. */
  String backend();

  /** The backend session the stream belongs to (null for a stateless backend). */
  String sessionId();

  /**
   * False when the backend offers no standalone stream (it answered the GET with 405); such a stream is closed from
   * the start and {@link #closed()} has succeeded.
   */
  boolean supported();

  /** True once the stream has stopped for good: closed, unsupported, or refused by the backend. */
  boolean isClosed();

  /**
   * Completes once the stream has stopped for good. Succeeds after {@link #close()} (and at once for an unsupported
   * stream); fails with a {@link BackendException} when the backend ended it: {@code SESSION_EXPIRED} when it no
   * longer knows the session (404), {@code HTTP_STATUS} when it refuses the stream with another client error status
   * (including a 405 on a reconnection).
   */
  Future<Void> closed();

  /** Stops the stream: no more reconnections, and the open connection, if any, is closed. Idempotent. */
  Future<Void> close();
}
