package dev.switchboard.transport.limits;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the client connections of one listening address: at most {@code maxConnections} open at once (counted over
 * every transport verticle sharing the port; one more is closed at once), and on HTTP/1.x connections the request
 * head, the request body and the idle time between requests each bounded in time ({@link RequestTimer}). Vert.x 5
 * has no slowloris guard of its own, so the timing is done by two small handlers placed in the connection's Netty
 * pipeline, around the HTTP decoder.
 */
public final class ConnectionGuard {
  private static final System.Logger LOG = System.getLogger(ConnectionGuard.class.getName());
  private static final String COUNTERS = "switchboard.connections";

  private final LimitsOptions limits;
  private final AtomicInteger open;

  private ConnectionGuard(LimitsOptions limits, AtomicInteger open) {
    this.limits = limits;
    this.open = open;
  }

  /** The guard of {@code host:port}; its connection count is shared by every verticle of this Vert.x on that port. */
  public static ConnectionGuard of(Vertx vertx, String host, int port, LimitsOptions limits) {
    LocalMap<String, Counter> counters = vertx.sharedData().getLocalMap(COUNTERS);
    Counter counter = counters.computeIfAbsent(host + ":" + port, key -> new Counter());
    return new ConnectionGuard(limits, counter.open);
  }

  /**
   * Creates the guarded server. Cleartext HTTP/2 (h2c) is turned off: with it on, Vert.x first waits for enough bytes
   * to tell HTTP/2's preface from HTTP/1.x and only then sets the connection up and reports it, so a connection that
   * sends nothing, or a request head at a trickle, would never reach the guard (measured: the connection handler ran
   * only once a request head was complete).
   */
  public HttpServer createServer(Vertx vertx, HttpServerOptions options) {
    return vertx.createHttpServer(options.setHttp2ClearTextEnabled(false)).connectionHandler(this::connected);
  }

  /** Connections open now on this address. */
  public int open() {
    return open.get();
  }

  void connected(HttpConnection connection) {
    if (!(connection instanceof ConnectionBase base)) {
      return;
    }
    MissedSocketMetric.restore(connection);
    Channel channel = base.channel();
    if (open.incrementAndGet() > limits.maxConnections()) {
      open.decrementAndGet();
      LOG.log(System.Logger.Level.DEBUG, "connection refused: {0} connections open", limits.maxConnections());
      channel.close();
      return;
    }
    channel.closeFuture().addListener(f -> open.decrementAndGet());
    ChannelPipeline pipeline = channel.pipeline();
    if (pipeline.get("httpDecoder") != null && pipeline.get("handler") != null) {
      RequestTimer timer = new RequestTimer(channel, limits);
      pipeline.addFirst("switchboardBytes", timer.bytes());
      pipeline.addBefore("handler", "switchboardMessages", timer.messages());
      timer.start();
    }
  }

  /** The count shared by the verticles of one port. */
  private static final class Counter implements Shareable {
    private final AtomicInteger open = new AtomicInteger();
  }
}
