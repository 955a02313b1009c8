package dev.switchboard.launcher;

import io.vertx.core.Deployable;
import io.vertx.launcher.application.HookContext;
import io.vertx.launcher.application.VertxApplicationHooks;
import java.nio.file.Path;
import java.util.function.Supplier;

/** Tells the Vert.x launcher to deploy the gateway and to stop the process when start-up fails. */
final class GatewayHooks implements VertxApplicationHooks {
  private final Path configFile;

  GatewayHooks(Path configFile) {
    this.configFile = configFile;
  }

  @Override
  public Supplier<? extends Deployable> verticleSupplier() {
    return () -> new GatewayVerticle(configFile);
  }

  @Override
  public void afterFailureToDeployVerticle(HookContext context, Throwable t) {
    System.err.println("switchboard: start-up failed: " + t.getMessage());
  }
}
