package dev.switchboard.perf.load;

import io.vertx.core.buffer.Buffer;

/**
 * An HTTP answer read whole.
 *
 * @param status      HTTP status
 * @param contentType the {@code Content-Type} header, or null
 * @param sessionId   the {@code Mcp-Session-Id} header, or null
 * @param body        the body (empty when none)
 */
record Reply(int status, String contentType, String sessionId, Buffer body) {
  /** Fails with {@link ErrorKind#HTTP_STATUS} unless the status is one of {@code accepted}. */
  Reply expectStatus(int... accepted) {
    for (int ok : accepted) {
      if (status == ok) {
        return this;
      }
    }
    String text = body.length() > 160 ? body.getString(0, 160) + "..." : body.toString();
    throw new LoadFailure(ErrorKind.HTTP_STATUS, "HTTP " + status + ": " + text.replace('\n', ' '));
  }

  boolean isEventStream() {
    return contentType != null && contentType.regionMatches(true, 0, "text/event-stream", 0, 17);
  }
}
