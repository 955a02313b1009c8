package dev.switchboard.it.limits;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A raw TCP connection to the gateway, for attacks that a well-behaved HTTP client cannot make. */
final class RawConnection {
  private final NetSocket socket;
  private final Buffer received = Buffer.buffer();
  private final Promise<Long> closed = Promise.promise();
  private final long openedNanos = System.nanoTime();

  private RawConnection(NetSocket socket) {
    this.socket = socket;
    socket.handler(received::appendBuffer);
    socket.closeHandler(v -> closed.tryComplete(System.nanoTime()));
  }

  static RawConnection open(NetClient client, int port) {
    // handlers are set where the connection completes, on its event loop, so an immediate close is not missed
    return await(client.connect(port, "127.0.0.1").map(RawConnection::new), 5000);
  }

  Future<Void> write(String data) {
    return socket.write(data);
  }

  /** Writes {@code data} one byte every {@code periodMs} until the connection closes or the data ends. */
  void trickle(Vertx vertx, String data, long periodMs) {
    trickle(vertx, data, 0, periodMs);
  }

  private void trickle(Vertx vertx, String data, int index, long periodMs) {
    if (index >= data.length() || isClosed()) {
      return;
    }
    socket.write(data.substring(index, index + 1));
    vertx.setTimer(periodMs, id -> trickle(vertx, data, index + 1, periodMs));
  }

  boolean isClosed() {
    return closed.future().isComplete();
  }

  String received() {
    return received.toString();
  }

  /** Waits (bounded) for the server to close; returns the milliseconds from {@code sinceNanos} to the close. */
  long millisUntilClosed(long sinceNanos, long waitMs) {
    long at = await(closed.future(), waitMs);
    return TimeUnit.NANOSECONDS.toMillis(at - sinceNanos);
  }

  private static <T> T await(Future<T> future, long waitMs) {
    try {
      return future.await(waitMs, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("nothing within " + waitMs + " ms", e);
    }
  }

  long openedNanos() {
    return openedNanos;
  }

  void close() {
    socket.close();
  }
}
