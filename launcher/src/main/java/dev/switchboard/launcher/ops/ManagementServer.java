package dev.switchboard.launcher.ops;

import dev.switchboard.transport.limits.MissedSocketMetric;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.function.Function;

/** The separate listener of {@code management: {host, port}}: only the operator's endpoints. */
public final class ManagementServer {
  private final HttpServer server;

  private ManagementServer(HttpServer server) {
    this.server = server;
  }

  public static Future<ManagementServer> start(Vertx vertx, OperationsOptions.ManagementOptions options,
                                               Function<String, Handler<HttpServerRequest>> routes) {
    HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost(options.host()).setPort(options.port()))
      .connectionHandler(MissedSocketMetric::restore)
      .requestHandler(req -> {
        Handler<HttpServerRequest> handler = routes.apply(req.path());
        if (handler == null) {
          req.response().setStatusCode(404).end();
        } else {
          handler.handle(req);
        }
      });
    return server.listen().map(ManagementServer::new);
  }

  public int port() {
    return server.actualPort();
  }

  public Future<Void> stop() {
    return server.close();
  }
}
