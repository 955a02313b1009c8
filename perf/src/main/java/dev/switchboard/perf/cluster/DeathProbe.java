package dev.switchboard.perf.cluster;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.util.concurrent.TimeUnit;

/**
 * Tells when a killed process has stopped accepting connections: tries to connect every few milliseconds until the
 * connection is refused (or a bound passes).
 */
final class DeathProbe {
  private static final long INTERVAL_MILLIS = 5;
  private static final long BOUND_MILLIS = 10_000;

  private DeathProbe() {
  }

  /** Completes once {@code host:port} refuses connections, or after the bound. */
  static Future<Void> watch(Vertx vertx, String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    String host = hostPort.substring(0, colon);
    int port = Integer.parseInt(hostPort.substring(colon + 1));
    NetClient client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(200));
    Promise<Void> dead = Promise.promise();
    probe(vertx, client, host, port, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BOUND_MILLIS), dead);
    return dead.future().eventually(client::close);
  }

  private static void probe(Vertx vertx, NetClient client, String host, int port, long deadline,
                            Promise<Void> dead) {
    client.connect(port, host).onComplete(ar -> {
      if (ar.failed() || System.nanoTime() > deadline) {
        dead.tryComplete();
        return;
      }
      ar.result().close();
      vertx.setTimer(INTERVAL_MILLIS, t -> probe(vertx, client, host, port, deadline, dead));
    });
  }
}
