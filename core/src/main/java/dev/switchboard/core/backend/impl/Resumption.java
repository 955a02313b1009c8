package dev.switchboard.core.backend.impl;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientResponse;

/**
 * Reopens an event stream that ended early: a GET with {@code Last-Event-ID}, made under the exchange of the request
 * whose answer the stream carries (the spec resumes POST streams with GET too).
 */
@FunctionalInterface
interface Resumption {
  /**
   * Opens the continuation of a stream.
   *
   * @param lastEventId the id of the last event received
   * @return the 2xx response, or a failure: the status failure for another status, or the transport failure
   */
  Future<HttpClientResponse> reconnect(String lastEventId);
}
