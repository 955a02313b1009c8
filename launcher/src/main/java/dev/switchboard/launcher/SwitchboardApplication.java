package dev.switchboard.launcher;

import io.vertx.launcher.application.VertxApplication;

/**
 * The main class of {@code switchboard.jar}: the Vert.x launcher (so its options still work) running
 * {@link GatewayVerticle}.
 */
public final class SwitchboardApplication extends VertxApplication {

  private SwitchboardApplication(String[] args, GatewayHooks hooks) {
    super(args, hooks);
  }

  public static void main(String[] args) {
    LaunchArgs launch;
    try {
      launch = LaunchArgs.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("switchboard: " + e.getMessage());
      System.exit(2);
      return;
    }
    int code = new SwitchboardApplication(launch.vertxArgs().toArray(String[]::new),
      new GatewayHooks(launch.configFile())).launch();
    if (code != 0) {
      System.exit(code);
    }
  }
}
