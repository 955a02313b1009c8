package dev.switchboard.transport.streamable;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.util.concurrent.TimeUnit;

/** A raw TCP HTTP client for tests that need full control over the request bytes. */
final class RawHttp {
  private final NetSocket socket;
  private final Buffer received = Buffer.buffer();
  private final Promise<String> closed = Promise.promise();

  private RawHttp(NetSocket socket) {
    this.socket = socket;
    socket.handler(received::appendBuffer);
    socket.closeHandler(v -> closed.tryComplete(received.toString()));
  }

  static RawHttp connect(Vertx vertx, int port) throws Exception {
    NetSocket socket = vertx.createNetClient().connect(port, "127.0.0.1").await(5, TimeUnit.SECONDS);
    return new RawHttp(socket);
  }

  /** Sends a complete request with {@code Connection: close} semantics and returns everything received until close. */
  static String exchange(Vertx vertx, int port, String request) throws Exception {
    RawHttp http = connect(vertx, port);
    http.write(request);
    return http.untilClosed();
  }

  Future<Void> write(String data) {
    return socket.write(data);
  }

  Future<Void> write(Buffer data) {
    return socket.write(data);
  }

  boolean isClosed() {
    return closed.future().isComplete();
  }

  String receivedSoFar() {
    return received.toString();
  }

  String untilClosed() throws Exception {
    return closed.future().await(10, TimeUnit.SECONDS);
  }

  static int status(String response) {
    return Integer.parseInt(response.substring(9, 12));
  }
}
