package dev.switchboard.perf.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a launch gives Netty follows the AOT cache, for the gateway and for the plain proxies compared with it. */
class GatewayLaunchTest {
  @Test
  void unsafeIsAllowedWhereTheCacheIsUsedAndOnlyThere(@TempDir Path dir) throws Exception {
    Path jar = Files.createFile(dir.resolve("switchboard.jar"));
    Path config = dir.resolve("gateway.yaml");
    GatewayLaunch withoutCache = new GatewayLaunch(jar, "cp", List.of());
    assertThat(withoutCache.nettyOptions()).isEmpty();
    assertThat(withoutCache.command(config, List.of())).doesNotContain(GatewayLaunch.UNSAFE_ALLOWED);

    Files.createFile(dir.resolve("switchboard.aot"));
    GatewayLaunch withCache = new GatewayLaunch(jar, "cp", List.of());
    assertThat(withCache.nettyOptions()).containsExactly(GatewayLaunch.UNSAFE_ALLOWED);
    assertThat(withCache.command(config, List.of())).contains(GatewayLaunch.UNSAFE_ALLOWED,
      "-XX:AOTCache=" + dir.resolve("switchboard.aot"));

    assertThat(new GatewayLaunch(null, "cp", List.of()).nettyOptions()).isEmpty();
  }
}
