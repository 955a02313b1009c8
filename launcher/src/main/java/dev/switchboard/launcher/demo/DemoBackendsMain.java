package dev.switchboard.launcher.demo;

import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs only the demo backends, for tests that put several gateways in front of one shared set of backends
 * ({@code scripts/cluster-test.sh}):
 *
 * <pre>java -cp switchboard.jar dev.switchboard.launcher.demo.DemoBackendsMain</pre>
 *
 * Prints one line {@code <name> <url>} per backend, then {@code ready}, and serves until the process is stopped.
 */
public final class DemoBackendsMain {

  private DemoBackendsMain() {
  }

  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.vertx();
    List<RunningServer> servers;
    try {
      servers = DemoBackends.start(vertx).await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("demo backends: cannot start: " + e.getMessage());
      vertx.close().await(10, TimeUnit.SECONDS);
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        vertx.close().await(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        System.err.println("demo backends: " + e.getMessage());
      }
    }, "demo-backends-shutdown"));
    for (int i = 0; i < servers.size(); i++) {
      System.out.println(DemoMode.NAMES.get(i) + " " + servers.get(i).url());
    }
    System.out.println("ready");
    System.out.flush();
  }
}
