package dev.switchboard.transport;

import dev.switchboard.core.bus.CoreBus;
import dev.switchboard.core.catalog.NameCollisions;
import dev.switchboard.transport.auth.AuthGate;
import dev.switchboard.transport.auth.IncomingAuth;
import dev.switchboard.transport.auth.ProtectedResource;
import dev.switchboard.transport.gateway.GatewayEndpoint;
import dev.switchboard.transport.limits.ConnectionGuard;
import dev.switchboard.transport.session.SessionManager;
import dev.switchboard.transport.streamable.StreamRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Supplier;

/**
 * One HTTP server on the MCP port, on this verticle's event loop; deploy one per event loop (they share the listening
 * socket). Serves the MCP endpoint at {@link TransportOptions#path()} and the health endpoints.
 */
public final class TransportVerticle extends VerticleBase {
  private final TransportOptions options;
  private final SessionManager sessions;
  private final CoreBus core;
  private final StreamRegistry streams;
  private final ServerDescription description;
  private final Supplier<Boolean> ready;
  private final IncomingAuth auth;
  private HttpServer server;
  private GatewayEndpoint endpoint;

  /**
   * @param ready tells {@code /health/ready} whether the gateway can serve (config loaded, store answering)
   */
  public TransportVerticle(TransportOptions options, SessionManager sessions, CoreBus core, StreamRegistry streams,
                           ServerDescription description, Supplier<Boolean> ready) {
    this(options, sessions, core, streams, description, ready, IncomingAuth.none());
  }

  /**
   * @param auth how callers authenticate (every MCP request passes it first)
   */
  public TransportVerticle(TransportOptions options, SessionManager sessions, CoreBus core, StreamRegistry streams,
                           ServerDescription description, Supplier<Boolean> ready, IncomingAuth auth) {
    this.auth = auth;
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
    endpoint = new GatewayEndpoint(vertx, options, sessions, core, streams, description);
    AuthGate gate = new AuthGate(auth);
    ProtectedResource metadata = gate.enabled() ? new ProtectedResource(auth.options(), options.path()) : null;
    ConnectionGuard guard = ConnectionGuard.of(vertx, options.host(), options.port(), options.limits());
    server = guard.createServer(vertx, new HttpServerOptions().setHost(options.host()).setPort(options.port()))
      .requestHandler(req -> {
        String path = req.path();
        if (options.path().equals(path)) {
          gate.handle(req, endpoint::handle);
        } else if (metadata != null && metadata.serves(path)) {
          metadata.handle(req);
        } else if ("/health/live".equals(path)) {
          health(req, true, List.of());
        } else if ("/health/ready".equals(path)) {
          health(req, ready.get(), NameCollisions.of(vertx).current());
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

  private static void health(HttpServerRequest req, boolean up, List<String> nameCollisions) {
    JsonObject body = new JsonObject().put("status", up ? "UP" : "DOWN");
    if (!nameCollisions.isEmpty()) {
      body.put("nameCollisions", new JsonArray(nameCollisions));
    }
    req.response().setStatusCode(up ? 200 : 503).putHeader("Content-Type", "application/json").end(body.toBuffer());
  }

  /** The port actually bound (useful with port 0). */
  public int actualPort() {
    return server.actualPort();
  }
}
