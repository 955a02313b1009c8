package dev.switchboard.perf.relay;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/**
 * Runs {@link PlainRelay} as its own JVM, set up as the gateway sets up its Vert.x: the native transport and one
 * event loop per processor, one relay instance on each.
 *
 * <pre>
 * java -cp switchboard-perf.jar dev.switchboard.perf.relay.PlainRelayMain PORT UPSTREAM_PORT [MAX_CONNECTIONS]
 * </pre>
 *
 * It listens on 127.0.0.1, prints {@code listening PORT} once every instance is up, and exits 1 if it cannot start.
 */
public final class PlainRelayMain {
  private static final String LOOPBACK = "127.0.0.1";
  private static final int DEFAULT_MAX_CONNECTIONS = 64;

  private PlainRelayMain() {
  }

  public static void main(String[] args) {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: PlainRelayMain PORT UPSTREAM_PORT [MAX_CONNECTIONS]");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    int upstreamPort = Integer.parseInt(args[1]);
    int maxConnections = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_MAX_CONNECTIONS;
    int loops = Runtime.getRuntime().availableProcessors();
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(loops));
    vertx.deployVerticle(() -> new PlainRelay(LOOPBACK, port, upstreamPort, maxConnections),
        new DeploymentOptions().setInstances(loops))
      .onSuccess(id -> System.out.println("listening " + port))
      .onFailure(e -> {
        System.err.println("plain relay did not start: " + e.getMessage());
        System.exit(1);
      });
  }
}
