package dev.switchboard.core.backend.impl;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A backend's HTTP clients, one per event loop of the Vert.x instance, so that a call made on a loop goes out on a
 * connection of that same loop. With one pool shared by all loops, a call could be given a connection that another
 * loop owns: the request is handed to that loop's thread and the response handed back, two wake-ups of another thread
 * per call.
 *
 * <p>Only for a gateway whose cores run on every loop (the default {@code server.instances}); otherwise, and for a
 * backend allowed fewer connections than there are loops, there is one pool shared by all loops. The backend's
 * {@code maxConnections} and the wait queue's bound are split among the loops, so the totals stay exactly what they
 * were: the first {@code maxConnections % loops} loops get one connection more. A loop whose share is busy queues its
 * calls even when another loop's connections are idle: the price of never crossing loops.
 *
 * <p>A call made outside any Vert.x context, or on a loop that is not the instance's, uses the first loop's client.
 */
final class LoopClients {
  private final EventLoop[] loops;
  private final HttpClientAgent[] clients;

  /** Builds the clients: one per loop with {@code perLoop} when {@code maxConnections} covers every loop, else one. */
  LoopClients(Vertx vertx, Endpoint endpoint, String backendName, int maxConnections, boolean perLoop) {
    List<EventLoop> found = new ArrayList<>();
    if (perLoop) {
      for (EventExecutor executor : ((VertxInternal) vertx).nettyEventLoopGroup()) {
        found.add((EventLoop) executor);
      }
    }
    int count = perLoop && maxConnections >= found.size() ? found.size() : 1;
    this.loops = count > 1 ? found.toArray(new EventLoop[0]) : new EventLoop[0];
    this.clients = new HttpClientAgent[count];
    for (int i = 0; i < count; i++) {
      clients[i] = vertx.httpClientBuilder()
        .with(endpoint.clientOptions(backendName))
        .with(Endpoint.poolOptions(share(maxConnections, count, i), share(Endpoint.MAX_WAIT_QUEUE_SIZE, count, i)))
        .build();
    }
  }

  /** The {@code index}-th of {@code parts} shares of {@code total}: the first {@code total % parts} get one more. */
  static int share(int total, int parts, int index) {
    return total / parts + (index < total % parts ? 1 : 0);
  }

  /** The client of the calling thread's event loop. */
  HttpClientAgent current() {
    if (loops.length > 1) {
      Context context = Vertx.currentContext();
      if (context != null) {
        EventLoop loop = ((ContextInternal) context).nettyEventLoop();
        for (int i = 0; i < loops.length; i++) {
          if (loops[i] == loop) {
            return clients[i];
          }
        }
      }
    }
    return clients[0];
  }

  /** How many clients (pools) there are. */
  int size() {
    return clients.length;
  }

  /** Shuts every client down, waiting at most {@code timeoutMillis} for requests in flight. */
  Future<Void> shutdown(long timeoutMillis) {
    List<Future<Void>> done = new ArrayList<>(clients.length);
    for (HttpClientAgent client : clients) {
      done.add(client.shutdown(timeoutMillis, TimeUnit.MILLISECONDS));
    }
    return Future.join(done).mapEmpty();
  }
}
