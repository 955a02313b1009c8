package dev.switchboard.transport.streamable;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;

/**
 * Reads a request body into memory with a hard bound. Call {@link #read} from the request handler before any
 * asynchronous step (or pause the request first), otherwise body chunks are lost.
 * <p>
 * Over the bound it fails with a 413 {@link HttpFailure}: at once when {@code Content-Length} says so (nothing is
 * read), otherwise as soon as the received total exceeds it. From then on the rest of the body is discarded, never
 * buffered, and on HTTP/1.x the response is marked {@code Connection: close} and the connection is closed once the
 * caller has ended the response, so a huge upload does not go on. This uses the response's {@code endHandler}; do
 * not replace it after a 413.
 */
public final class BodyReader {
  private BodyReader() {
  }

  public static Future<Buffer> read(HttpServerRequest req, long maxBytes) {
    String contentLength = req.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (contentLength != null && parseLength(contentLength) > maxBytes) {
      return reject(req, maxBytes);
    }
    if (req.isEnded()) {
      return Future.succeededFuture(Buffer.buffer());
    }
    if ("100-continue".equalsIgnoreCase(req.getHeader(HttpHeaders.EXPECT))) {
      req.response().writeContinue();
    }
    Promise<Buffer> promise = Promise.promise();
    Buffer body = Buffer.buffer();
    req.handler(chunk -> {
      if (promise.future().isComplete()) {
        return;
      }
      if ((long) body.length() + chunk.length() > maxBytes) {
        discardAndClose(req);
        promise.tryFail(HttpFailure.payloadTooLarge(maxBytes));
      } else {
        body.appendBuffer(chunk);
      }
    });
    req.endHandler(v -> promise.tryComplete(body));
    req.exceptionHandler(promise::tryFail);
    return promise.future();
  }

  private static Future<Buffer> reject(HttpServerRequest req, long maxBytes) {
    discardAndClose(req);
    return Future.failedFuture(HttpFailure.payloadTooLarge(maxBytes));
  }

  /** Drops the rest of the body and, on HTTP/1.x, closes the connection once the response has been ended. */
  private static void discardAndClose(HttpServerRequest req) {
    if (!req.isEnded()) {
      req.handler(chunk -> { });
      req.endHandler(v -> { });
      req.exceptionHandler(err -> { });
    }
    if (req.version() == HttpVersion.HTTP_2) {
      return;
    }
    HttpServerResponse resp = req.response();
    if (!resp.headWritten()) {
      resp.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
    }
    resp.endHandler(v -> req.connection().close());
  }

  /** The declared length, or -1 when the header is not a number (the codec then rejects the request anyway). */
  private static long parseLength(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
