package dev.switchboard.transport.limits;

import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.core.spi.metrics.TCPMetrics;

/**
 * Works around a start-up race in Vert.x 5.0: the server socket accepts connections before the server's metrics
 * exist (they are created once the bind has completed), so a connection accepted in that moment gets no socket
 * metric, while its HTTP connection, set up a little later, already reports to the metrics. With Micrometer metrics on,
 * the first request on it then fails inside Vert.x ({@code requestBegin} reads the missing socket metric) and is never
 * handed to the gateway: the client waits forever, and the connection, with a request pending, is never idle. A health
 * check or a call that reaches a gateway in its first milliseconds hit this (about one start in fifteen when polled
 * every 10 ms). Calling {@link #restore} from the server's connection handler, which runs before the first request is
 * read, gives such a connection the socket metric Vert.x would have given it.
 */
public final class MissedSocketMetric {
  private MissedSocketMetric() {
  }

  /** Attaches the socket metric of {@code connection}'s server metrics when Vert.x missed it; else does nothing. */
  public static void restore(HttpConnection connection) {
    if (connection instanceof ConnectionBase base && base.metric() == null
        && base.metrics() instanceof TCPMetrics<?> metrics) {
      SocketAddress remote = base.remoteAddress();
      base.metric(metrics.connected(remote, remote == null ? null : remote.host()));
    }
  }
}
