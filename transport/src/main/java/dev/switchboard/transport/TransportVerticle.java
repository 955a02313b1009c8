package dev.switchboard.transport;

import dev.switchboard.core.bus.CoreBus;
import dev.switchboard.transport.endpoint.McpEndpoint;
import dev.switchboard.transport.session.SessionIdManager;
import dev.switchboard.transport.stream.StreamRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One HTTP server on the MCP port, on this verticle's event loop; deploy one per event loop (they share the listening
 * socket). Serves the MCP endpoint at {@link TransportOptions#path()} and the health endpoints.
 */
public final class TransportVerticle extends VerticleBase {
  private final TransportOptions options;
  private final SessionIdManager sessions;
  private final CoreBus core;
  private final StreamRegistry streams;
  private final ServerDescription description;
  private final Supplier<Boolean> ready;
  private final Function<String, Handler<HttpServerRequest>> routes;
  private HttpServer server;

  /**
   * @param ready tells {@code /health/ready} whether the gateway can serve (config loaded, store answering)
   */
  public TransportVerticle(TransportOptions options, SessionIdManager sessions, CoreBus core, StreamRegistry streams,
                           ServerDescription description, Supplier<Boolean> ready) {
    this(options, sessions, core, streams, description, ready, path -> null);
  }

  /**
   * @param routes the operator's endpoints ({@code /metrics}, {@code /health/ready}, ...): the handler of a path, or
   *               null to leave it to this verticle; asked before the MCP and health paths
   */
  public TransportVerticle(TransportOptions options, SessionIdManager sessions, CoreBus core, StreamRegistry streams,
                           ServerDescription description, Supplier<Boolean> ready,
                           Function<String, Handler<HttpServerRequest>> routes) {
    this.routes = routes;
    this.options = options;
    this.sessions = sessions;
    this.core = core;
    this.streams = streams;
    this.description = description;
    this.ready = ready;
  }

  @Override
  public Future<?> start() {
    CoreBus.registerCodecs(vertx);
    McpEndpoint endpoint = new McpEndpoint(vertx, options, sessions, core, streams, description);
    server = vertx.createHttpServer(new HttpServerOptions().setHost(options.host()).setPort(options.port()))
      .requestHandler(req -> {
        String path = req.path();
        Handler<HttpServerRequest> route = options.path().equals(path) ? null : routes.apply(path);
        if (route != null) {
          route.handle(req);
        } else if (options.path().equals(path)) {
          endpoint.handle(req);
        } else if ("/health/live".equals(path)) {
          health(req, true);
        } else if ("/health/ready".equals(path)) {
          health(req, ready.get());
        } else {
          req.response().setStatusCode(404).end();
        }
      });
    return server.listen();
  }

  private static void health(HttpServerRequest req, boolean up) {
    req.response().setStatusCode(up ? 200 : 503).putHeader("Content-Type", "application/json")
      .end(new JsonObject().put("status", up ? "UP" : "DOWN").toBuffer());
  }

  /** The port actually bound (useful with port 0). */
  public int actualPort() {
    return server.actualPort();
  }
}
