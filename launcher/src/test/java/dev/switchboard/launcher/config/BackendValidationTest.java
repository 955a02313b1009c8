package dev.switchboard.launcher.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.switchboard.launcher.config.ConfigAssertions.assertRejected;
import static dev.switchboard.launcher.config.ConfigAssertions.parse;
import static org.assertj.core.api.Assertions.assertThat;

class BackendValidationTest {
  private static void assertBackendRejected(String backend, String messagePrefix) {
    assertRejected("""
      backends:
        - {name: alpha, url: "http://127.0.0.1:9001/mcp"}
        - {name: beta, url: "http://127.0.0.1:9002/mcp"}
        - %s
      """.formatted(backend), messagePrefix);
  }

  @Test
  void urlWithUnknownSchemeIsRejected() {
    assertBackendRejected("{name: gamma, url: \"htp:/x\"}", "backends[2].url: not a URL: \"htp:/x\"");
  }

  @Test
  void relativeUrlIsRejected() {
    assertBackendRejected("{name: gamma, url: /mcp}", "backends[2].url: not a URL: \"/mcp\"");
  }

  @Test
  void urlWithoutHostIsRejected() {
    assertBackendRejected("{name: gamma, url: \"http:///mcp\"}", "backends[2].url: not a URL");
  }

  @Test
  void unparseableUrlIsRejected() {
    assertBackendRejected("{name: gamma, url: \"http://bad host/mcp\"}", "backends[2].url: not a URL");
  }

  @Test
  void httpsUrlIsAccepted() {
    assertThat(parse("backends: [{name: a, url: \"https://mcp.example.com/v1\"}]").backends().getFirst().url())
      .hasToString("https://mcp.example.com/v1");
  }

  @Test
  void missingUrlIsRejected() {
    assertBackendRejected("{name: gamma}", "backends[2].url: required");
  }

  @Test
  void missingNameIsRejected() {
    assertBackendRejected("{url: \"http://127.0.0.1:9003/mcp\"}", "backends[2].name: required");
  }

  @Test
  void nameWithForbiddenCharactersIsRejected() {
    assertBackendRejected("{name: \"my backend\", url: \"http://127.0.0.1:9003/mcp\"}",
      "backends[2].name: must be 1-64 characters of A-Z a-z 0-9 _ . -");
  }

  @Test
  void nameLongerThan64CharactersIsRejected() {
    assertBackendRejected("{name: " + "x".repeat(65) + ", url: \"http://127.0.0.1:9003/mcp\"}",
      "backends[2].name: must be 1-64 characters");
  }

  @Test
  void duplicateNameIsRejected() {
    assertBackendRejected("{name: alpha, url: \"http://127.0.0.1:9003/mcp\"}",
      "backends[2].name: duplicate backend name \"alpha\"");
  }

  @Test
  void zeroTimeoutIsRejected() {
    assertBackendRejected("{name: gamma, url: \"http://127.0.0.1:9003/mcp\", timeout: 0}",
      "backends[2].timeout: must be greater than 0");
  }

  @Test
  void timeoutInMillisecondsIsParsed() {
    assertThat(parse("backends: [{name: a, url: \"http://h/mcp\", timeout: 500ms}]").backends().getFirst().timeout())
      .isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void zeroMaxConnectionsIsRejected() {
    assertBackendRejected("{name: gamma, url: \"http://127.0.0.1:9003/mcp\", maxConnections: 0}",
      "backends[2].maxConnections: must be greater than 0");
  }

  @Test
  void invalidHeaderNameIsRejected() {
    assertBackendRejected("{name: gamma, url: \"http://127.0.0.1:9003/mcp\", headers: {\"X Api\": k}}",
      "backends[2].headers[\"X Api\"]: not a valid HTTP header name");
  }

  @Test
  void headerRepeatedInAnotherCaseIsRejected() {
    assertBackendRejected("{name: gamma, url: \"http://127.0.0.1:9003/mcp\", headers: {X-Key: a, x-key: b}}",
      "backends[2].headers.x-key: duplicate header");
  }

  @Test
  void emptyBackendEntryIsRejectedForItsMissingName() {
    assertBackendRejected("~", "backends[2].name: required");
  }

  @Test
  void backendThatIsNotAMapIsRejected() {
    assertBackendRejected("gamma", "backends[2]: expected a map, got \"gamma\"");
  }
}
