package dev.switchboard.perf.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Arguments of the driver, with bounds. */
class DriverOptionsTest {

  @Test
  void defaultsNeedOnlyTheUrl() {
    DriverOptions options = DriverOptions.parse(new String[] {"--url", "http://127.0.0.1:8090/mcp"});

    assertThat(options.sessions()).isEqualTo(DriverOptions.DEFAULT_SESSIONS);
    assertThat(options.duration()).isEqualTo(DriverOptions.DEFAULT_DURATION);
    assertThat(options.killPid()).isZero();
  }

  @Test
  void everyArgumentIsRead() {
    DriverOptions options = DriverOptions.parse(new String[] {"--url", "http://h/mcp", "--sessions", "25",
      "--duration", "40s", "--kill-pid", "123", "--kill-after", "15", "--kill-upstream", "127.0.0.1:8082",
      "--request-timeout", "500ms", "--tool", "t", "--upstream-header", "X-Up"});

    assertThat(options.sessions()).isEqualTo(25);
    assertThat(options.duration()).isEqualTo(Duration.ofSeconds(40));
    assertThat(options.killAfter()).isEqualTo(Duration.ofSeconds(15));
    assertThat(options.requestTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(options.killUpstream()).isEqualTo("127.0.0.1:8082");
    assertThat(options.upstreamHeader()).isEqualTo("X-Up");
  }

  @Test
  void badArgumentsAreNamed() {
    assertThatThrownBy(() -> DriverOptions.parse(new String[] {})).hasMessageContaining("--url");
    assertThatThrownBy(() -> DriverOptions.parse(new String[] {"--url", "u", "--sessions", "0"}))
      .hasMessageContaining("--sessions");
    assertThatThrownBy(() -> DriverOptions.parse(new String[] {"--url", "u", "--duration", "1h"}))
      .hasMessageContaining("--duration");
    assertThatThrownBy(() -> DriverOptions.parse(new String[] {"--url", "u", "--duration", "11m"}))
      .hasMessageContaining("--duration");
    assertThatThrownBy(() -> DriverOptions.parse(new String[] {"--url", "u", "--kill-pid", "1",
      "--duration", "10", "--kill-after", "10"})).hasMessageContaining("--kill-after");
    assertThatThrownBy(() -> DriverOptions.parse(new String[] {"--url", "u", "--nope", "1"}))
      .hasMessageContaining("--nope");
  }
}
