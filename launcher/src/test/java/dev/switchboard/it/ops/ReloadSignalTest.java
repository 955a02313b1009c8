package dev.switchboard.it.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.switchboard.it.TestBackends;
import dev.switchboard.launcher.Gateway;
import dev.switchboard.launcher.config.ConfigLoader;
import dev.switchboard.launcher.config.GatewayConfig;
import dev.switchboard.launcher.reload.ConfigReloader;
import dev.switchboard.transport.kit.RunningServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the file watch off, {@code SIGHUP} (sent to this JVM) reloads the configuration. Skipped where the JVM ignores
 * the signal (a test run started under {@code nohup}): the reloader then says so, and the signal never arrives.
 */
@ExtendWith(VertxExtension.class)
class ReloadSignalTest {

  @Test
  void sighupReloadsTheFile(Vertx vertx, @TempDir Path dir) throws Exception {
    RunningServer alpha = TestBackends.start(vertx, TestBackends.named("alpha", 0, "echo")).await();
    RunningServer beta = TestBackends.start(vertx, TestBackends.named("beta", 0, "echo")).await();
    Path file = dir.resolve("gateway.yaml");
    String base = "server: {host: 127.0.0.1, port: 0}\nreload: {watch: false}\nbackends:\n"
      + "  - {name: alpha, url: \"" + alpha.url() + "\"}\n";
    Files.writeString(file, base);
    GatewayConfig config = ConfigLoader.load(file, Map.of());
    Gateway gateway = Gateway.start(vertx, config).await();
    ConfigReloader reloader = ConfigReloader.start(vertx, file, Map.of(), config, gateway.core()).await();
    try {
      assumeTrue(reloader.reloadsOnHangup(), "this JVM ignores SIGHUP (its runner was started under nohup)");
      Files.writeString(file, base + "  - {name: beta, url: \"" + beta.url() + "\"}\n");
      vertx.timer(300).await();
      assertThat(gateway.core().backendStatuses()).hasSize(1);

      Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(ProcessHandle.current().pid())).start();
      assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 250 && reloader.current().backends().size() < 2; i++) {
        vertx.timer(20).await();
      }

      assertThat(gateway.core().backendStatuses()).extracting(s -> s.name()).containsExactly("alpha", "beta");
      assertThat(reloader.current().backends()).hasSize(2);
    } finally {
      reloader.stop();
      gateway.stop().await();
    }
  }
}
