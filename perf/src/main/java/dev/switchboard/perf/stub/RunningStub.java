package dev.switchboard.perf.stub;

import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;

/**
 * A stub backend deployed as its own verticle, so it gets an event loop of its own rather than the caller's.
 * Undeploying it closes the server.
 */
public final class RunningStub extends VerticleBase {
  private final String host;
  private final StubOptions options;
  private RunningServer server;
  private String deploymentId;

  private RunningStub(String host, StubOptions options) {
    this.host = host;
    this.options = options;
  }

  /** Deploys a stub listening on {@code host} at a free port. */
  public static Future<RunningStub> deploy(Vertx vertx, String host, StubOptions options) {
    RunningStub stub = new RunningStub(host, options);
    return vertx.deployVerticle(stub).map(id -> {
      stub.deploymentId = id;
      return stub;
    });
  }

  @Override
  public Future<?> start() {
    return StubBackend.start(vertx, host, options).onSuccess(s -> server = s);
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  public String url() {
    return server.url();
  }

  public int port() {
    return server.port();
  }

  public StubOptions options() {
    return options;
  }

  /** Sessions the stub holds now. */
  public int sessionCount() {
    return server.sessionCount();
  }

  /** Stops the stub. */
  public Future<Void> close() {
    return vertx.undeploy(deploymentId);
  }
}
