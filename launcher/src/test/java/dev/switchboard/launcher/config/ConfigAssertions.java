package dev.switchboard.launcher.config;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Shared helpers: parse a document, or assert that it is rejected with a message starting with a path. */
final class ConfigAssertions {
  /** Enough for a document to pass: one backend. */
  static final String ONE_BACKEND = """
    backends:
      - {name: alpha, url: "http://127.0.0.1:9001/mcp"}
    """;

  /** Two backends, for the aggregation cases. */
  static final String TWO_BACKENDS = """
    backends:
      - {name: alpha, url: "http://127.0.0.1:9001/mcp"}
      - {name: beta, url: "http://127.0.0.1:9002/mcp"}
    """;

  private ConfigAssertions() {
  }

  static GatewayConfig parse(String yaml) {
    return ConfigLoader.parse(yaml, Map.of());
  }

  static void assertRejected(String yaml, String messagePrefix) {
    assertRejected(yaml, Map.of(), messagePrefix);
  }

  static void assertRejected(String yaml, Map<String, String> env, String messagePrefix) {
    assertThatThrownBy(() -> ConfigLoader.parse(yaml, env))
      .isInstanceOf(ConfigException.class)
      .message().startsWith(messagePrefix);
  }
}
