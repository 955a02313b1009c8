package dev.switchboard.launcher.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigFileTest {
  @TempDir
  Path dir;

  @Test
  void fileIsReadAndParsed() throws IOException {
    Path file = Files.writeString(dir.resolve("gateway.yaml"), ConfigAssertions.ONE_BACKEND);

    assertThat(ConfigLoader.load(file, Map.of()).backends()).hasSize(1);
  }

  @Test
  void missingFileIsRejectedNamingTheFile() {
    Path file = dir.resolve("nope.yaml");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
      .isInstanceOf(ConfigException.class)
      .hasMessage(file + ": config file not found");
  }

  @Test
  void directoryIsRejectedNamingIt() {
    assertThatThrownBy(() -> ConfigLoader.load(dir, Map.of()))
      .isInstanceOf(ConfigException.class)
      .message().startsWith(dir + ": cannot read the config file");
  }
}
