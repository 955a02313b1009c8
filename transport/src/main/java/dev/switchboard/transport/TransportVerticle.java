package dev.switchboard.transport;

import dev.switchboard.core.bus.CoreBus;
import dev.switchboard.transport.auth.AuthGate;
import dev.switchboard.transport.auth.IncomingAuth;
import dev.switchboard.transport.auth.ProtectedResource;
import dev.switchboard.transport.gateway.GatewayEndpoint;
import dev.switchboard.transport.limits.ConnectionGuard;
import dev.switchboard.transport.observe.EndpointObserver;
import dev.switchboard.transport.session.SessionManager;
import dev.switchboard.transport.stateless.StatelessEndpoint;
import dev.switchboard.transport.streamable.StreamRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.function.Function;

/**
 * One HTTP server on the MCP port, on this verticle's event loop; deploy one per event loop (they share the listening
 * socket). Serves the MCP endpoint at {@link TransportOptions#path()}, the protected resource metadata (with
 * authentication on) and the operator's routes it is given.
 */
public final class TransportVerticle extends VerticleBase {
  private final TransportOptions options;
  private final SessionManager sessions;
  private final CoreBus core;
  private final StreamRegistry streams;
  private final ServerDescription description;
  private final IncomingAuth auth;
  private final Function<String, Handler<HttpServerRequest>> routes;
  private final StatelessEndpoint.Shared stateless;
  private HttpServer server;
  private GatewayEndpoint endpoint;

  /**
   * @param auth   how callers authenticate (every MCP request passes it first)
   * @param routes the operator's endpoints ({@code /metrics}, {@code /health/live}, {@code /health/ready}): the
   *               handler of a path, or null when it is not one of theirs
   * @param stateless what the stateless era's endpoints of this process share
   */
  public TransportVerticle(TransportOptions options, SessionManager sessions, CoreBus core, StreamRegistry streams,
                           ServerDescription description, IncomingAuth auth,
                           Function<String, Handler<HttpServerRequest>> routes, StatelessEndpoint.Shared stateless) {
    this.stateless = stateless;
    this.auth = auth;
    this.routes = routes;
    this.options = options;
    this.sessions = sessions;
    this.core = core;
    this.streams = streams;
    this.description = description;
  }

  @Override
  public Future<?> start() {
    CoreBus.registerCodecs(vertx);
    endpoint = new GatewayEndpoint(vertx, options, sessions, core, streams, description, stateless);
    AuthGate gate = new AuthGate(auth, EndpointObserver.of(vertx)::refused);
    ProtectedResource metadata = gate.enabled() ? new ProtectedResource(auth.options(), options.path()) : null;
    ConnectionGuard guard = ConnectionGuard.of(vertx, options.host(), options.port(), options.limits());
    server = guard.createServer(vertx, new HttpServerOptions().setHost(options.host()).setPort(options.port()))
      .requestHandler(req -> {
        String path = req.path();
        Handler<HttpServerRequest> route = options.path().equals(path) ? null : routes.apply(path);
        if (route != null) {
          route.handle(req);
        } else if (options.path().equals(path)) {
          gate.handle(req, endpoint::handle);
        } else if (metadata != null && metadata.serves(path)) {
          metadata.handle(req);
        } else {
          req.response().setStatusCode(404).end();
        }
      });
    return server.listen();
  }

  @Override
  public Future<?> stop() {
    if (endpoint != null) {
      endpoint.close();
    }
    return server == null ? Future.succeededFuture() : server.close();
  }

  /** The port actually bound (useful with port 0). */
  public int actualPort() {
    return server.actualPort();
  }
}
